package io.cmlfleet.adapters.cml;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.cmlfleet.application.port.cml.CmlCredentials;
import io.cmlfleet.application.port.cml.CmlTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A CML controller on loopback HTTPS with the committed self-signed certificate (CN localhost, SAN
 * localhost and 127.0.0.1), answering with the shared wire fixtures.
 */
final class LoopbackCmlController implements AutoCloseable {

    static final String USERNAME = "admin";
    static final String PASSWORD = "S3cret-Pa55word!";
    static final CmlCredentials CREDENTIALS = new CmlCredentials(USERNAME, PASSWORD);

    final WireMockServer server;

    LoopbackCmlController() {
        server = new WireMockServer(wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .http2TlsDisabled(true)
                .keystorePath(resource("tls/cml-test-server.p12").toString())
                .keystoreType("PKCS12")
                .keystorePassword("changeit")
                .keyManagerPassword("changeit"));
        server.start();
    }

    CmlTarget target(String workerId) {
        return new CmlTarget(workerId, URI.create("https://localhost:" + server.httpsPort()));
    }

    CmlTarget target() {
        return target("w-1");
    }

    /** The fleet-wide CA bundle that makes the loopback certificate trusted. */
    static String serverCertificatePem() {
        return read(resource("tls/cml-test-server.pem"));
    }

    static String unrelatedCaPem() {
        return read(resource("tls/unrelated-ca.pem"));
    }

    static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("cmlfleet.fixtures"), "cml", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JWT in authenticate.json, without the JSON quotes. */
    static String fixtureToken() {
        return new String(fixture("authenticate.json")).strip().replace("\"", "");
    }

    static ResponseDefinitionBuilder json(int status, byte[] body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return json(status, body.getBytes());
    }

    static ResponseDefinitionBuilder fixtureResponse(String name) {
        return json(200, fixture(name));
    }

    /** Settings trusting the loopback certificate, with timeouts short enough for tests. */
    static CmlClientSettings trustingSettings() {
        return CmlClientSettings.defaults()
                .withCaBundlePem(serverCertificatePem())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    static HttpCmlControllerClient client(CmlClientSettings settings) {
        return new HttpCmlControllerClient(settings, StaticCmlCredentialsProvider.forWholeFleet(CREDENTIALS));
    }

    static HttpCmlControllerClient trustingClient() {
        return client(trustingSettings());
    }

    void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** Login plus every read endpoint, answered with the fixtures. */
    LoopbackCmlController servingFixtures() {
        stub(post(urlPathEqualTo("/api/v0/authenticate")).willReturn(fixtureResponse("authenticate.json")));
        stub(get(urlPathEqualTo("/api/v0/system_information")).willReturn(fixtureResponse("system_information.json")));
        stub(get(urlPathEqualTo("/api/v0/system_health")).willReturn(fixtureResponse("system_health.json")));
        stub(get(urlPathEqualTo("/api/v0/system_stats")).willReturn(fixtureResponse("system_stats.json")));
        stub(get(urlPathEqualTo("/api/v0/licensing")).willReturn(fixtureResponse("licensing.json")));
        stub(get(urlPathEqualTo("/api/v0/labs")).willReturn(fixtureResponse("labs.json")));
        // No recorded body: an idle controller's queue is empty, the shape CML 2.9's schema gives (a JSON array).
        stub(get(urlPathEqualTo("/api/v0/diagnostics/node_launch_queue")).willReturn(json(200, "[]")));
        return this;
    }

    static Path resource(String name) {
        try {
            return Path.of(LoopbackCmlController.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
