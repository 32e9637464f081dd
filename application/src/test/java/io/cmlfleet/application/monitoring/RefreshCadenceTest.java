package io.cmlfleet.application.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshCadenceTest {

    @ParameterizedTest(name = "{0} with service {1} -> {2}")
    @CsvSource({
            "UNKNOWN, UNAVAILABLE, FAST",
            "PENDING, UNAVAILABLE, FAST",
            "STARTING, UNAVAILABLE, FAST",
            "STOPPING, UNAVAILABLE, FAST",
            "SHUTTING_DOWN, UNAVAILABLE, FAST",
            "RUNNING, UNAVAILABLE, FAST",
            "RUNNING, STARTING, FAST",
            "RUNNING, ERROR, FAST",
            "RUNNING, AVAILABLE, NORMAL",
            "STOPPED, UNAVAILABLE, NORMAL",
            "FAILED, UNAVAILABLE, NORMAL",
            "TERMINATED, UNAVAILABLE, NORMAL",
    })
    void cadenceFollowsStatusAndService(WorkerStatus status, CmlServiceStatus service, RefreshCadence expected) {
        assertThat(RefreshCadence.of(status, service)).isEqualTo(expected);
    }
}
