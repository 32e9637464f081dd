package io.cmlfleet.adapters.cml;

import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlAccessException.Kind;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.cmlfleet.adapters.cml.LoopbackCmlController.serverCertificatePem;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.trustingSettings;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.unrelatedCaPem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The self-signed CML certificate: refused by default, trusted through a CA bundle, or verification off. */
class TlsVerificationTest {

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
    void selfSignedCertificateIsRejectedByDefault() {
        HttpCmlControllerClient client = LoopbackCmlController.client(trustingSettings().withCaBundlePem(null));

        CmlHealthReport report = client.evaluateHealth(controller.target());
        CmlAccessException failure = catchThrowableOfType(
                () -> client.systemInformation(controller.target()), CmlAccessException.class);

        assertThat(report.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
        assertThat(report.reachable()).isFalse();
        assertThat(report.error()).startsWith("TLS failure");
        assertThat(failure.kind()).isEqualTo(Kind.TLS_FAILURE);
    }

    @Test
    void fleetCaBundleMakesTheCertificateTrusted() {
        HttpCmlControllerClient client = LoopbackCmlController.client(trustingSettings());

        assertThat(client.evaluateHealth(controller.target()).status()).isEqualTo(CmlServiceStatus.AVAILABLE);
    }

    @Test
    void certificateIsAlsoValidForTheLoopbackAddress() {
        HttpCmlControllerClient client = LoopbackCmlController.client(trustingSettings());
        CmlTarget byAddress = new CmlTarget("w-1", URI.create("https://127.0.0.1:" + controller.server.httpsPort()));

        assertThat(client.evaluateHealth(byAddress).status()).isEqualTo(CmlServiceStatus.AVAILABLE);
    }

    @Test
    void trustedCertificateForAnotherHostNameIsRejected() {
        // 127.0.0.2 is loopback too, but not in the certificate's subject alternative names.
        HttpCmlControllerClient client = LoopbackCmlController.client(trustingSettings());
        CmlTarget wrongName = new CmlTarget("w-1", URI.create("https://127.0.0.2:" + controller.server.httpsPort()));

        CmlHealthReport report = client.evaluateHealth(wrongName);

        assertThat(report.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
        assertThat(report.error()).startsWith("TLS failure");
    }

    @Test
    void perWorkerCaBundleOverridesTheFleetBundleForThatWorkerOnly() {
        HttpCmlControllerClient client = LoopbackCmlController.client(trustingSettings()
                .withCaBundlePem(unrelatedCaPem())
                .withPerWorkerCaBundles(Map.of("w-own-ca", serverCertificatePem())));

        CmlHealthReport ownCa = client.evaluateHealth(controller.target("w-own-ca"));
        CmlHealthReport fleetCa = client.evaluateHealth(controller.target("w-fleet-ca"));

        assertThat(ownCa.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
        assertThat(fleetCa.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
        assertThat(fleetCa.error()).startsWith("TLS failure");
    }

    @Test
    void verificationOffAcceptsTheCertificateAndWarnsOncePerClient() {
        try (CapturedLogs logs = new CapturedLogs()) {
            HttpCmlControllerClient client = LoopbackCmlController.client(trustingSettings()
                    .withCaBundlePem(null)
                    .withVerifyTls(false));

            CmlHealthReport first = client.evaluateHealth(controller.target());
            CmlHealthReport second = client.evaluateHealth(controller.target("w-2"));

            assertThat(first.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
            assertThat(second.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
            assertThat(logs.warnings()).filteredOn(line -> line.contains("TLS verification is OFF")).hasSize(1);
        }
    }

    @Test
    void verificationOnLogsNoTlsWarning() {
        try (CapturedLogs logs = new CapturedLogs()) {
            LoopbackCmlController.client(trustingSettings()).evaluateHealth(controller.target());

            assertThat(logs.warnings()).noneMatch(line -> line.contains("TLS verification"));
        }
    }

    @Test
    void unreadableCaBundleStopsConstruction() {
        assertThatThrownBy(() -> LoopbackCmlController.client(trustingSettings().withCaBundlePem("not a certificate")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the fleet");
        assertThatThrownBy(() -> LoopbackCmlController.client(trustingSettings()
                .withPerWorkerCaBundles(Map.of("w-9", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("worker w-9");
    }
}
