package io.cmlfleet.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.StatusCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InstanceDescriptionsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T08:00:00Z"));
    private final InstanceDescriptions descriptions = new InstanceDescriptions(Duration.ofMinutes(5), now::get);

    @Test
    void aDescriptionIsReusedUntilItReachesTheMaximumAge() {
        descriptions.remember(running("i-1"));

        now.updateAndGet(at -> at.plus(Duration.ofMinutes(5).minusMillis(1)));
        boolean justYoungEnough = descriptions.fresh("i-1").isPresent();
        now.updateAndGet(at -> at.plus(Duration.ofMillis(1)));

        assertThat(justYoungEnough).isTrue();
        assertThat(descriptions.fresh("i-1")).isEmpty();
    }

    @Test
    void expiredAndForgottenDescriptionsLeaveMemory() {
        descriptions.remember(running("i-old"));
        now.updateAndGet(at -> at.plus(Duration.ofMinutes(4)));
        descriptions.remember(running("i-young"));
        descriptions.remember(running("i-tagged"));
        now.updateAndGet(at -> at.plus(Duration.ofMinutes(1)));

        descriptions.forget("i-tagged");
        descriptions.dropExpired();

        assertThat(descriptions.size()).isEqualTo(1);
        assertThat(descriptions.fresh("i-young")).isPresent();
    }

    @Test
    void aZeroMaximumAgeKeepsNothing() {
        InstanceDescriptions off = new InstanceDescriptions(Duration.ZERO, now::get);

        off.remember(running("i-1"));

        assertThat(off.size()).isZero();
        assertThat(off.fresh("i-1")).isEmpty();
    }

    private static InstanceSnapshot running(String id) {
        return new InstanceSnapshot(id, "running", 16, "198.51.100.7", "10.0.0.7", "c5.2xlarge", "ami-1",
                Instant.parse("2026-12-01T08:00:00Z"), Map.of("Name", id), StatusCheck.UNKNOWN, StatusCheck.UNKNOWN);
    }
}
