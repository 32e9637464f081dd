package io.cmlfleet.adapters.cml;

import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static io.cmlfleet.adapters.cml.LoopbackCmlController.trustingSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Endpoints derived from EC2 public IPs carry no port; {@code defaultPort} says where such a controller listens, so a
 * controller on another port (a simulator, a port-forward) is reachable without rewriting every endpoint.
 */
class DefaultPortTest {

    private LoopbackCmlController controller;

    @BeforeEach
    void start() {
        controller = new LoopbackCmlController().servingFixtures();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void endpointWithoutPortUsesTheConfiguredDefaultPort() {
        HttpCmlControllerClient client = LoopbackCmlController.client(
                trustingSettings().withDefaultPort(controller.server.httpsPort()));

        CmlTarget portless = new CmlTarget("w-1", URI.create("https://127.0.0.1"));

        assertThat(client.systemInformation(portless).ready()).isTrue();
    }

    @Test
    void explicitPortInTheEndpointWinsOverTheDefault() {
        // The default points nowhere useful; only the endpoint's own port can make this call succeed.
        HttpCmlControllerClient client = LoopbackCmlController.client(trustingSettings().withDefaultPort(1));

        assertThat(client.systemInformation(controller.target()).ready()).isTrue();
    }

    @Test
    void defaultsKeep443AndTheOldConstructorStillWorks() {
        CmlClientSettings legacy = new CmlClientSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, null,
                Map.of(), true, Duration.ofSeconds(1));

        assertThat(CmlClientSettings.defaults().defaultPort()).isEqualTo(443);
        assertThat(legacy.defaultPort()).isEqualTo(443);
        assertThat(CmlClientSettings.defaults().withDefaultPort(8443).withVerifyTls(false).defaultPort())
                .isEqualTo(8443);
    }

    @Test
    void portOutsideTheTcpRangeIsRejected() {
        assertThatThrownBy(() -> CmlClientSettings.defaults().withDefaultPort(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CmlClientSettings.defaults().withDefaultPort(65536))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portlessEndpointWithoutADefaultPortGoesTo443() {
        // Nothing listens on 127.0.0.1:443 in the build; the failure shows the port was not guessed from elsewhere.
        HttpCmlControllerClient client = LoopbackCmlController.client(trustingSettings()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> client.systemInformation(new CmlTarget("w-1", URI.create("https://127.0.0.1"))))
                .isInstanceOf(CmlAccessException.class)
                .hasMessageContaining("https://127.0.0.1/api/v0/system_information");
    }
}
