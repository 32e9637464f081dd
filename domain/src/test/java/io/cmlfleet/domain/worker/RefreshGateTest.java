package io.cmlfleet.domain.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RefreshGateTest {

    private static final String ENDPOINT = "https://54.194.252.215";

    @Test
    void runningWithEndpointAndAvailableServiceRunsEverything() {
        RefreshGateDecision decision = RefreshGate.decide(WorkerStatus.RUNNING, ENDPOINT, CmlServiceStatus.AVAILABLE);

        assertThat(decision.runHealthCheck()).isTrue();
        assertThat(decision.queryCmlApi()).isTrue();
        assertThat(decision.healthCheckSkipReason()).isEmpty();
        assertThat(decision.cmlQuerySkipReason()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = CmlServiceStatus.class, names = "AVAILABLE", mode = EnumSource.Mode.EXCLUDE)
    void theHealthCheckRunsWhateverTheServiceStatusButTheCmlApiWaitsForAvailable(CmlServiceStatus service) {
        RefreshGateDecision decision = RefreshGate.decide(WorkerStatus.RUNNING, ENDPOINT, service);

        assertThat(decision.runHealthCheck()).isTrue();
        assertThat(decision.queryCmlApi()).isFalse();
        assertThat(decision.cmlQuerySkipReason()).isEqualTo("CML service is " + service + ", not AVAILABLE");
    }

    @ParameterizedTest
    @EnumSource(WorkerStatus.class)
    void nothingRunsUnlessTheWorkerIsRunning(WorkerStatus status) {
        RefreshGateDecision decision = RefreshGate.decide(status, ENDPOINT, CmlServiceStatus.AVAILABLE);

        boolean running = status == WorkerStatus.RUNNING;
        assertThat(decision.runHealthCheck()).isEqualTo(running);
        assertThat(decision.queryCmlApi()).isEqualTo(running);
        if (!running) {
            assertThat(decision.healthCheckSkipReason()).isEqualTo("worker is " + status + ", not RUNNING");
        }
    }

    @Test
    void withoutAnEndpointNothingRunsAndTheReasonSaysSo() {
        RefreshGateDecision decision = RefreshGate.decide(WorkerStatus.RUNNING, " ", CmlServiceStatus.AVAILABLE);

        assertThat(decision.runHealthCheck()).isFalse();
        assertThat(decision.hasEndpoint()).isFalse();
        assertThat(decision.healthCheckSkipReason()).isEqualTo("worker has no HTTPS endpoint");
        assertThat(decision.cmlQuerySkipReason()).isEqualTo("worker has no HTTPS endpoint");
    }

    @Test
    void everyUnmetRequirementIsNamedInTheFieldsLogFormat() {
        RefreshGateDecision decision = RefreshGate.decide(WorkerStatus.STOPPED, null, CmlServiceStatus.UNAVAILABLE);

        assertThat(decision.cmlQuerySkipReason()).isEqualTo(
                "worker is STOPPED, not RUNNING; worker has no HTTPS endpoint; CML service is UNAVAILABLE, not AVAILABLE");
        assertThat(decision.requirementsSummary())
                .isEqualTo("status=STOPPED, has_endpoint=false, service_status=UNAVAILABLE");
    }

    @Test
    void theCmlQueryIsNeverAllowedWhenTheHealthCheckIsNot() {
        for (WorkerStatus status : WorkerStatus.values()) {
            for (CmlServiceStatus service : CmlServiceStatus.values()) {
                for (String endpoint : new String[]{null, ENDPOINT}) {
                    RefreshGateDecision decision = RefreshGate.decide(status, endpoint, service);
                    if (decision.queryCmlApi()) {
                        assertThat(decision.runHealthCheck()).isTrue();
                        assertThat(EnumSet.of(status)).containsExactly(WorkerStatus.RUNNING);
                    }
                }
            }
        }
    }
}
