package io.cmlfleet.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Real SDK clients against a loopback WireMock: static fake credentials, us-east-1, tiny retry backoff so
 * throttling tests stay fast.
 */
abstract class WireMockAwsTestBase {

    static final String REGION = "us-east-1";
    static final String FAKE_ACCESS_KEY = "AKIAFAKEFAKEFAKEFAKE";
    static final String FAKE_SECRET_KEY = "fakeSecretKeyThatMustNeverAppearAnywhere0";
    static final String CLOUDWATCH_PATH = "/service/GraniteServiceVersion20100801/operation/GetMetricData";

    protected WireMockServer wireMock;
    protected AwsAdapters adapters;

    @BeforeEach
    void startWireMock() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterEach
    void stopWireMock() {
        if (adapters != null) {
            adapters.close();
        }
        wireMock.stop();
    }

    AwsAdapterSettings settings() {
        return AwsAdapterSettings.defaults()
                .withEndpointOverride(URI.create("http://127.0.0.1:" + wireMock.port()))
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(FAKE_ACCESS_KEY, FAKE_SECRET_KEY)))
                .withRetries(3, Duration.ofMillis(1))
                .withApiCallTimeout(Duration.ofSeconds(10));
    }

    AwsAdapters adapters(AwsAdapterSettings settings) {
        adapters = AwsAdapters.create(settings);
        return adapters;
    }

    AwsAdapters adapters() {
        return adapters(settings());
    }

    static MappingBuilder ec2Action(String action) {
        // The trailing '&' keeps DescribeInstances from also matching DescribeInstanceStatus.
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    static RequestPatternBuilder ec2Requested(String action) {
        return postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    static ResponseDefinitionBuilder cbor(int status, byte[] body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/cbor")
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(body);
    }

    List<LoggedRequest> ec2Requests(String action) {
        return wireMock.findAll(ec2Requested(action));
    }

    List<LoggedRequest> cloudWatchRequests() {
        return wireMock.findAll(postRequestedFor(urlEqualTo(CLOUDWATCH_PATH)));
    }
}
