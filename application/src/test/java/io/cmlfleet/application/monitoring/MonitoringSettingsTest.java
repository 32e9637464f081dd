package io.cmlfleet.application.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MonitoringSettingsTest {

    @Test
    void defaultsAreThirtySecondsFastAndFiveMinutesNormal() {
        MonitoringSettings defaults = MonitoringSettings.defaults();
        assertThat(defaults.fastInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.normalInterval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(defaults.jitterSlots()).isEqualTo(10);
        assertThat(defaults.intervalFor(RefreshCadence.FAST)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.intervalFor(RefreshCadence.NORMAL)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void nonsenseIsRejected() {
        Duration s30 = Duration.ofSeconds(30);
        Duration s300 = Duration.ofSeconds(300);
        assertThatThrownBy(() -> new MonitoringSettings(Duration.ZERO, s300, 10, Duration.ZERO))
                .hasMessageContaining("fastInterval");
        assertThatThrownBy(() -> new MonitoringSettings(s300, s30, 10, Duration.ZERO))
                .hasMessageContaining("must not be longer");
        assertThatThrownBy(() -> new MonitoringSettings(s30, s300, 0, Duration.ZERO))
                .hasMessageContaining("jitterSlots");
        assertThatThrownBy(() -> new MonitoringSettings(s30, s300, 10, Duration.ofMillis(-1)))
                .hasMessageContaining("minimumDelay");
    }
}
