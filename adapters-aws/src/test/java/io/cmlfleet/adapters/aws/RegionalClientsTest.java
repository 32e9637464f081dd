package io.cmlfleet.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

class RegionalClientsTest extends WireMockAwsTestBase {

    /** Wraps the real factory and records every client it builds. */
    private static final class CountingFactory implements AwsClientFactory {
        private final AwsClientFactory real;
        private final List<Region> ec2Created = new ArrayList<>();
        private final List<Region> cloudWatchCreated = new ArrayList<>();

        private CountingFactory(AwsClientFactory real) {
            this.real = real;
        }

        @Override
        public synchronized Ec2Client ec2(Region region) {
            ec2Created.add(region);
            return real.ec2(region);
        }

        @Override
        public synchronized CloudWatchClient cloudWatch(Region region) {
            cloudWatchCreated.add(region);
            return real.cloudWatch(region);
        }
    }

    @Test
    void buildsOneClientPerRegionAndServiceAndReusesIt() {
        wireMock.stubFor(ec2Action("DescribeInstances")
                .willReturn(xml(200, AwsFixtures.text("describe_instances.xml"))));
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, Ec2Responses.describeInstanceStatus(List.of()))));
        wireMock.stubFor(ec2Action("StartInstances").willReturn(xml(200, AwsFixtures.text("start_instances.xml"))));
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(CLOUDWATCH_PATH))
                .willReturn(cbor(200, CloudWatchCbor.getMetricDataResponse(List.of(), null))));
        CountingFactory factory = new CountingFactory(new SdkClientFactory(settings()));
        adapters = new AwsAdapters(settings(), factory);
        List<String> ids = List.of("i-1234567890abcdef0");
        Instant to = Instant.parse("2026-11-24T02:00:00Z");

        for (int cycle = 0; cycle < 3; cycle++) {
            adapters.inventory().describeAll("us-east-1", ids);
            adapters.inventory().describeAll("eu-west-1", ids);
            adapters.lifecycle().start("us-east-1", ids.get(0));
            adapters.telemetry().sample("us-east-1", ids, to.minusSeconds(600), to);
        }

        assertThat(factory.ec2Created).containsExactly(Region.US_EAST_1, Region.EU_WEST_1);
        assertThat(factory.cloudWatchCreated).containsExactly(Region.US_EAST_1);
    }
}
