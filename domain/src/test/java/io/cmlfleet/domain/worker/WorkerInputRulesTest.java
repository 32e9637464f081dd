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

    @Test
    void identifiersAreCheckedExactlyAndNeverTrimmed() {
        assertThat(WorkerInputRules.region("region", "eu-west-1")).isEqualTo("eu-west-1");
        assertRejected(() -> WorkerInputRules.region("region", "eu-west-1\r\n"),
                "Invalid region: must not contain control or format characters (got U+000D at index 9)");
        assertRejected(() -> WorkerInputRules.region("region", "eu-west-1 "),
                "Invalid region: must not start or end with whitespace");
        assertRejected(() -> WorkerInputRules.instanceId("instanceId", "i-1234abcd\n"),
                "Invalid instanceId: must not contain control or format characters (got U+000A at index 10)");
        assertRejected(() -> WorkerInputRules.workerId("workerId", " lab-1"),
                "Invalid workerId: must not start or end with whitespace");
        assertRejected(() -> WorkerInputRules.nonBlank("name", "\tlab"),
                "Invalid name: must not contain control or format characters (got U+0009 at index 0)");
        assertRejected(() -> WorkerInputRules.optionalIpAddress("publicIp", " 10.0.0.1"),
                "Invalid publicIp: must not start or end with whitespace");
    }

    @Test
    void everyControlAndBidiCharacterIsRefusedInText() {
        int[] forging = {0x00, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B,
                0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF};
        for (int codePoint : forging) {
            String name = "lab" + Character.toString(codePoint) + "worker";
            String refused = " must not contain control or format characters (got "
                    + String.format("U+%04X", codePoint) + " at index 3)";
            assertRejected(() -> WorkerInputRules.nonBlank("name", name), "Invalid name:" + refused);
            assertRejected(() -> WorkerInputRules.optionalText("reason", name), "Invalid reason:" + refused);
            assertRejected(() -> WorkerInputRules.tags("tags", java.util.Map.of("team", name)), "Invalid tags:" + refused);
        }
        assertThat(WorkerInputRules.nonBlank("name", "Zürich lab 東京 ✓")).isEqualTo("Zürich lab 東京 ✓");
    }

    @Test
    void reportedTextIsNeutralisedNotRefused() {
        assertThat(WorkerInputRules.reportedText("message", "connect failed\r\n\tcaused by: \u001b[31mrefused"))
                .isEqualTo("connect failed   caused by:  [31mrefused");
        assertThat(WorkerInputRules.optionalText("evil\u202e name")).isEqualTo("evil  name");
        assertThat(WorkerInputRules.optionalText("\n\u0000")).isNull();
        assertRejected(() -> WorkerInputRules.reportedText("message", " "), "Invalid message: must not be blank");
        assertThat(WorkerInputRules.reportedText("message", "m".repeat(1000))).hasSize(1000).doesNotEndWith("…");
        assertThat(WorkerInputRules.reportedText("message", "m".repeat(1001))).hasSize(1000).endsWith("…");
    }

    @Test
    void lengthsMatchTheStorageColumnsAtTheBoundary() {
        assertThat(WorkerInputRules.workerId("workerId", "w".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> WorkerInputRules.workerId("workerId", "w".repeat(129)))
                .hasMessageStartingWith("Invalid workerId: must be 1-128 characters");
        assertThat(WorkerInputRules.nonBlank("name", "n".repeat(255))).hasSize(255);
        assertRejected(() -> WorkerInputRules.nonBlank("name", "n".repeat(256)),
                "Invalid name: must be at most 255 characters (got 256)");
        assertThat(WorkerInputRules.region("region", "us-" + "a".repeat(59) + "-1")).hasSize(64);
        assertRejected(() -> WorkerInputRules.region("region", "us-" + "a".repeat(60) + "-1"),
                "Invalid region: must be at most 64 characters (got 65)");
        assertThat(WorkerInputRules.instanceId("instanceId", "i-0123456789abcdef0")).hasSize(19);
        assertThatThrownBy(() -> WorkerInputRules.instanceId("instanceId", "i-0123456789abcdef01"))
                .hasMessageStartingWith("Invalid instanceId: must be 'i-' followed by 8 or 17");
        String type64 = "c".repeat(30) + "." + "x".repeat(33);
        assertThat(WorkerInputRules.instanceType("instanceType", type64)).hasSize(64);
        assertRejected(() -> WorkerInputRules.instanceType("instanceType", type64 + "x"),
                "Invalid instanceType: must be at most 64 characters (got 65)");
        String endpoint512 = "https://cml.example.com/" + "p".repeat(488);
        assertThat(WorkerInputRules.httpsEndpoint("endpoint", endpoint512)).hasSize(512);
        assertRejected(() -> WorkerInputRules.httpsEndpoint("endpoint", endpoint512 + "p"),
                "Invalid endpoint: must be at most 512 characters (got 513)");
        assertThat(WorkerInputRules.ec2State("ec2State", "s".repeat(32))).hasSize(32);
        assertRejected(() -> WorkerInputRules.ec2State("ec2State", "s".repeat(33)),
                "Invalid ec2State: must be at most 32 characters (got 33)");
        assertThat(WorkerInputRules.errorCode("errorCode", "E".repeat(64))).hasSize(64);
        assertRejected(() -> WorkerInputRules.errorCode("errorCode", "E".repeat(65)),
                "Invalid errorCode: must be at most 64 characters (got 65)");
        assertRejected(() -> WorkerInputRules.optionalIpAddress("publicIp", "fe80::1%" + "e".repeat(57)),
                "Invalid publicIp: must be at most 64 characters (got 65)");
        CmlFacts longVersion = new CmlFacts("v".repeat(129), null, null, null, null, null, null, null, null, null,
                null, null);
        assertThat(WorkerInputRules.cmlFacts("facts", longVersion).version()).hasSize(128).endsWith("…");
        assertThat(WorkerInputRules.tags("tags", java.util.Map.of("k".repeat(128), "v".repeat(256)))).hasSize(1);
        assertThatThrownBy(() -> WorkerInputRules.tags("tags", java.util.Map.of("k".repeat(129), "v")))
                .hasMessageStartingWith("Invalid tags: tag keys must be 1-128 characters");
        assertThatThrownBy(() -> WorkerInputRules.tags("tags", java.util.Map.of("k", "v".repeat(257))))
                .hasMessage("Invalid tags: tag 'k' has a value longer than 256 characters");
    }

    @Test
    void endpointPortsAreFrom1To65535() {
        assertThat(WorkerInputRules.httpsEndpoint("endpoint", "https://10.0.0.1:1")).isEqualTo("https://10.0.0.1:1");
        assertThat(WorkerInputRules.httpsEndpoint("endpoint", "https://10.0.0.1:65535/"))
                .isEqualTo("https://10.0.0.1:65535");
        assertRejected(() -> WorkerInputRules.httpsEndpoint("endpoint", "https://10.0.0.1:65536"),
                "Invalid endpoint: must have a port from 1 to 65535 (got 65536)");
        assertRejected(() -> WorkerInputRules.httpsEndpoint("endpoint", "https://10.0.0.1:99999"),
                "Invalid endpoint: must have a port from 1 to 65535 (got 99999)");
        assertRejected(() -> WorkerInputRules.httpsEndpoint("endpoint", "https://10.0.0.1:0"),
                "Invalid endpoint: must have a port from 1 to 65535 (got 0)");
    }

    static void assertRejected(Runnable check, String message) {
        assertThatThrownBy(check::run).isInstanceOf(InvalidWorkerInputException.class).hasMessage(message);
    }
}
