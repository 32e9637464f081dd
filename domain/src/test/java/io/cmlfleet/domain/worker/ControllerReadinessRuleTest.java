package io.cmlfleet.domain.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerReadinessRuleTest {

    private static final Map<String, Boolean> CONTROLLER_OK = Map.of("core_connected", true, "nodes_loaded", true,
            "images_loaded", true, "valid", true);

    static Map<String, Boolean> checks(String... failed) {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        for (String check : new String[]{"kvm_vmx_enabled", "enough_cpus", "lld_connected", "lld_synced", "libvirt",
                "fabric", "device_mux", "refplat_images_available", "docker_shim", "valid"}) {
            checks.put(check, true);
        }
        for (String check : failed) {
            checks.put(check, false);
        }
        if (failed.length > 0) {
            checks.put("valid", false);
        }
        return checks;
    }

    private static List<String> blockers(LaunchQueue queue, ComputeReadiness... computes) {
        return ControllerReadinessRule.blockers(new ControllerReadiness(List.of(computes), CONTROLLER_OK, queue));
    }

    @Test
    void aReadyComputeWithEveryCheckPassingBlocksNothing() {
        assertThat(blockers(new LaunchQueue(0, null), new ComputeReadiness("cml-controller", "READY", checks())))
                .isEmpty();
    }

    @Test
    void noReadyComputeBlocksWithEachComputesAdmissionState() {
        assertThat(blockers(null, new ComputeReadiness("cml-compute-1", "ONLINE", checks()),
                new ComputeReadiness("cml-compute-2", "REGISTERED", checks())))
                .containsExactly("compute cml-compute-1: admission ONLINE, not READY",
                        "compute cml-compute-2: admission REGISTERED, not READY");
    }

    @Test
    void aComputeTakenOutOfPlacementDoesNotBlockWhileAnotherIsReady() {
        assertThat(blockers(null, new ComputeReadiness("cml-compute-1", "READY", checks()),
                new ComputeReadiness("cml-compute-2", "ONLINE", checks()))).isEmpty();
    }

    @Test
    void aFailedCheckBlocksAndNamesTheComputeItsAdmissionAndTheFlagsButNotTheSummaryValidFlag() {
        assertThat(blockers(null, new ComputeReadiness("cml-compute-1", "READY", checks()),
                new ComputeReadiness("cml-compute-2", "ONLINE", checks("lld_connected"))))
                .containsExactly("compute cml-compute-2: admission ONLINE, not READY; lld_connected false");
        assertThat(blockers(null, new ComputeReadiness("cml-controller", "READY",
                checks("kvm_vmx_enabled", "refplat_images_available"))))
                .containsExactly("compute cml-controller: kvm_vmx_enabled false; refplat_images_available false");
    }

    @Test
    void aFailedControllerCheckAndAnEmptyComputeListBlock() {
        assertThat(ControllerReadinessRule.blockers(new ControllerReadiness(List.of(),
                Map.of("core_connected", false), null)))
                .containsExactly("no compute host reported", "controller: core_connected false");
    }

    @Test
    void aLaunchQueueBlocksOnlyOnceItsOldestNodeWaitedTenMinutes() {
        ComputeReadiness ready = new ComputeReadiness("cml-controller", "READY", checks());
        assertThat(blockers(new LaunchQueue(3, Duration.ofMinutes(9)), ready)).isEmpty();
        assertThat(blockers(new LaunchQueue(3, Duration.ofMinutes(12)), ready))
                .containsExactly("launch queue stuck: 3 nodes waiting, the oldest for 12 min");
    }

    @Test
    void unreportedPartsBlockNothingAndHostileHostnamesStayOneLine() {
        assertThat(ControllerReadinessRule.blockers(null)).isEmpty();
        assertThat(ControllerReadinessRule.blockers(new ControllerReadiness(null, null, null))).isEmpty();
        assertThat(blockers(null, new ComputeReadiness("unknown", null, checks()))).isEmpty();
        assertThat(blockers(null, new ComputeReadiness("evil\nhost\u202E", "ONLINE", checks())))
                .containsExactly("compute evil host: admission ONLINE, not READY");
    }

    @Test
    void theGateAfterAHealthCheckJudgesReadinessAsTheAggregateWill() {
        RefreshGateDecision before = RefreshGate.decide(WorkerStatus.RUNNING, "https://198.51.100.7",
                CmlServiceStatus.UNAVAILABLE);
        RefreshGateDecision after = before.afterHealthCheck(true, true, new ControllerReadiness(
                List.of(new ComputeReadiness("cml-compute-2", "ONLINE", checks())), CONTROLLER_OK, null));
        assertThat(after.serviceStatus()).isEqualTo(CmlServiceStatus.ERROR);
        assertThat(after.cmlQuerySkipReason()).isEqualTo("CML service is ERROR, not AVAILABLE: cannot run labs: "
                + "compute cml-compute-2: admission ONLINE, not READY");
    }
}
