package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact words of the rules the command handlers use; operators and HTTP clients read them. */
class WorkerInputRulesTest {

    @Test
    void durations() {
        assertThat(WorkerInputRules.positive("idleAfter", Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
        assertRejected(() -> WorkerInputRules.positive("idleAfter", Duration.ZERO),
                "Invalid idleAfter: must be positive (got PT0S)");
        assertRejected(() -> WorkerInputRules.positive("idleAfter", null), "Invalid idleAfter: is required");
        assertThat(WorkerInputRules.nonNegative("snoozeAfterResume", Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertRejected(() -> WorkerInputRules.nonNegative("snoozeAfterResume", Duration.ofSeconds(-1)),
                "Invalid snoozeAfterResume: must not be negative (got PT-1S)");
        assertRejected(() -> WorkerInputRules.nonNegative("snoozeAfterResume", null),
                "Invalid snoozeAfterResume: is required");
    }

    @Test
    void ec2StateCodes() {
        assertThat(WorkerInputRules.optionalEc2StateCode("ec2StateCode", null)).isNull();
        assertThat(WorkerInputRules.optionalEc2StateCode("ec2StateCode", 0xFFFF)).isEqualTo(0xFFFF);
        assertRejected(() -> WorkerInputRules.optionalEc2StateCode("ec2StateCode", 65536),
                "Invalid ec2StateCode: must be an EC2 state code from 0 to 65535 (got 65536)");
    }

    @Test
    void anUnreachableControllerCannotHaveBeenFoundValid() {
        assertThat(WorkerInputRules.validOnlyIfReachable("valid", false, false)).isFalse();
        assertThat(WorkerInputRules.validOnlyIfReachable("valid", true, true)).isTrue();
        assertRejected(() -> WorkerInputRules.validOnlyIfReachable("valid", true, false),
                "Invalid valid: cannot be true when the controller was not reachable");
    }

    @Test
    void aTimestampNotBeforeAnother() {
        assertThat(WorkerInputRules.notBefore("completedAt", T1, "startedAt", T1)).isEqualTo(T1);
        assertRejected(() -> WorkerInputRules.notBefore("completedAt", T0, "startedAt", T1),
                "Invalid completedAt: must not be before startedAt (" + T0 + " is before " + T1 + ")");
    }

    @Test
    void cmlFactsAreTrimmedAndTheirCountsChecked() {
        CmlFacts reported = new CmlFacts(" 2.9.1 ", true, null, null, " ", null, 1, 0, 3, 4, 5L, 6L);

        assertThat(WorkerInputRules.cmlFacts("facts", reported))
                .isEqualTo(new CmlFacts("2.9.1", true, null, null, null, null, 1, 0, 3, 4, 5L, 6L));
        assertRejected(() -> WorkerInputRules.cmlFacts("facts", null), "Invalid facts: is required");
        assertRejected(() -> WorkerInputRules.cmlFacts("facts",
                        new CmlFacts(null, null, null, null, null, null, null, null, null, null, -1L, null)),
                "Invalid facts.allocatedMemoryKib: must not be negative (got -1)");
    }

    @Test
    void refreshStagesNeedStageAndResult() {
        assertThat(WorkerInputRules.refreshStages("stages",
                List.of(new RefreshStageOutcome(RefreshStage.HEALTH_CHECK, StageResult.SKIPPED, "  why  "))))
                .containsExactly(RefreshStageOutcome.skipped(RefreshStage.HEALTH_CHECK, "why"));
        assertRejected(() -> WorkerInputRules.refreshStages("stages", null), "Invalid stages: is required");
        assertRejected(() -> WorkerInputRules.refreshStages("stages",
                        List.of(new RefreshStageOutcome(RefreshStage.HEALTH_CHECK, null, null))),
                "Invalid stages.result: is required");
    }

    private static void assertRejected(Runnable check, String message) {
        assertThatThrownBy(check::run).isInstanceOf(InvalidWorkerInputException.class).hasMessage(message);
    }
}
