package io.cmlfleet.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.bootstrap.api.ApiClient.Answer;
import io.cmlfleet.bootstrap.host.HostApplication;
import io.cmlfleet.bootstrap.host.FakeCloud;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no key and no user configured, nobody gets in, and the startup log says what to set. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = {HostApplication.class, HttpApiWithoutCredentialsTest.Ports.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after the class: its H2 file lives in a temp dir deleted then.
@DirtiesContext
class HttpApiWithoutCredentialsTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cmlfleet.storage.data-dir", () -> dataDir.toString());
    }

    @TestConfiguration
    static class Ports {
        @Bean
        @Primary
        FakeCloud fakeCloud() {
            return new FakeCloud();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void everyApiRequestIsRefusedAndHealthStillAnswers() {
        ApiClient api = new ApiClient(port, List.of());
        Answer withKey = api.send("GET", "/api/v1/workers", null, "X-API-Key", "any-key-at-all");
        assertThat(withKey.status()).isEqualTo(401);
        assertThat(withKey.contentType()).startsWith("application/problem+json");
        assertThat(api.send("GET", "/api/v1/workers", null, "Authorization", ApiClient.basic("admin", "admin"))
                .status()).isEqualTo(401);
        assertThat(api.send("GET", "/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void theHostsOtherPathsStayClosed() {
        ApiClient api = new ApiClient(port, List.of());
        assertThat(api.send("GET", "/anything-else", null).status()).isEqualTo(401);
    }

    @Test
    void startupWarnsWhichPropertiesToSet(CapturedOutput output) {
        // The context may have started before this class's capture began when cached; the warning is logged once
        // per context, so look in everything captured or skip only if the context predates the capture.
        assertThat(output.getAll()).contains("cmlfleet.api.keys[0].key").contains("every API request is refused");
    }
}
