package io.cmlfleet.adapters.cml;

import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlLabs;
import io.cmlfleet.application.port.cml.CmlLicensing;
import io.cmlfleet.application.port.cml.CmlSystemInformation;
import io.cmlfleet.application.port.cml.CmlSystemStats;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.LaunchQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.fixtureResponse;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Every CML fixture, served over HTTPS, read into the port records. */
class FixtureParsingTest {

    private LoopbackCmlController controller;
    private HttpCmlControllerClient client;

    @BeforeEach
    void start() {
        controller = new LoopbackCmlController().servingFixtures();
        client = LoopbackCmlController.trustingClient();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void systemInformationGivesVersionAndReadiness() {
        CmlSystemInformation information = client.systemInformation(controller.target());

        assertThat(information).isEqualTo(new CmlSystemInformation("2.9.1+build.7", true));
    }

    @Test
    void healthyControllerIsAvailableWithLicenceFlagsFromSystemHealth() {
        CmlHealthReport report = client.evaluateHealth(controller.target());

        assertThat(report.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
        assertThat(report.reachable()).isTrue();
        assertThat(report.valid()).isTrue();
        assertThat(report.licensed()).isTrue();
        assertThat(report.enterprise()).isTrue();
        assertThat(report.error()).isNull();
        assertThat(report.latency()).isPositive();
        assertThat(report.readiness().computes()).singleElement().satisfies(compute -> {
            assertThat(compute.hostname()).isEqualTo("cml-controller");
            assertThat(compute.admissionState()).isEqualTo("READY");
            assertThat(compute.checks()).hasSize(10).containsEntry("kvm_vmx_enabled", true)
                    .containsEntry("refplat_images_available", true).doesNotContainKey("is_controller");
        });
        assertThat(report.readiness().controllerChecks()).containsOnlyKeys("core_connected", "nodes_loaded",
                "images_loaded", "valid").doesNotContainValue(false);
        assertThat(report.readiness().launchQueue()).isEqualTo(new LaunchQueue(0, null));
    }

    @Test
    void aValidControllerWhoseComputesAreNotAdmittedOrHaveAFailedCheckIsErrorNamingThem() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_health")).willReturn(json(200,
                new String(LoopbackCmlController.fixture("system_health.json"), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"admission_state\": \"READY\"", "\"admission_state\": \"ONLINE\"")
                        .replace("\"kvm_vmx_enabled\": true", "\"kvm_vmx_enabled\": false")
                        .replace("\"lld_connected\": true", "\"lld_connected\": false"))));

        CmlHealthReport report = client.evaluateHealth(controller.target());

        assertThat(report.valid()).isTrue();
        assertThat(report.status()).isEqualTo(CmlServiceStatus.ERROR);
        assertThat(report.error()).isEqualTo("cannot run labs: compute cml-controller: admission ONLINE, not READY; "
                + "kvm_vmx_enabled false; lld_connected false");
    }

    @Test
    void aClusterWithOneComputeTakenOutOfPlacementIsStillAvailable() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_health")).willReturn(json(200, """
                {"valid": true, "is_licensed": true, "is_enterprise": true,
                 "computes": {
                   "a": {"hostname": "cml-controller", "admission_state": "READY", "lld_connected": true,
                         "kvm_vmx_enabled": true, "valid": true, "is_controller": true},
                   "b": {"hostname": "cml-compute-2", "admission_state": "ONLINE", "lld_connected": true,
                         "kvm_vmx_enabled": null, "valid": true, "is_controller": false}},
                 "controller": {"core_connected": true, "nodes_loaded": true, "images_loaded": true, "valid": true}}
                """)));

        CmlHealthReport report = client.evaluateHealth(controller.target());

        assertThat(report.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
        assertThat(report.readiness().computes()).extracting(c -> c.admissionState()).containsExactly("READY", "ONLINE");
        assertThat(report.readiness().computes().get(1).checks()).doesNotContainKey("kvm_vmx_enabled");
    }

    @Test
    void aLaunchQueueWhoseOldestNodeWaitedTooLongIsErrorAndAQueueWeMayNotReadIsIgnored() {
        long now = Instant.now().getEpochSecond();
        controller.stub(get(urlPathEqualTo("/api/v0/diagnostics/node_launch_queue")).willReturn(json(200, """
                [{"node_id": "n1", "lab_id": "l1", "user_id": "u1", "queued_time": %d, "priority": null,
                  "dependencies": [], "resource_requirements": {"cpus": 1, "cpu_limit": 100, "cpu_points": null,
                  "ram": 2048, "disk": null}},
                 {"node_id": "n2", "lab_id": "l1", "user_id": "u1", "queued_time": %d, "priority": 1,
                  "resource_requirements": {"cpus": 1, "cpu_limit": 100, "cpu_points": null, "ram": 512, "disk": 4}}]
                """.formatted(now - 1500, now - 30))));

        CmlHealthReport stuck = client.evaluateHealth(controller.target());

        assertThat(stuck.status()).isEqualTo(CmlServiceStatus.ERROR);
        assertThat(stuck.error()).startsWith("cannot run labs: launch queue stuck: 2 nodes waiting, the oldest for 2");

        controller.stub(get(urlPathEqualTo("/api/v0/diagnostics/node_launch_queue"))
                .willReturn(json(403, "{\"code\": 403, \"description\": \"User does not have admin rights.\"}")));

        CmlHealthReport forbidden = client.evaluateHealth(controller.target());

        assertThat(forbidden.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
        assertThat(forbidden.readiness().launchQueue()).isNull();
    }

    @Test
    void systemStatsFixtureIsReadFromDominfoAndAll() {
        CmlSystemStats stats = client.systemStats(controller.target());

        assertThat(stats).isEqualTo(new CmlSystemStats(1, 8L, 182L, 7L, 6291456L, 6L, 4.166666666666667,
                2791538688L, 16748994560L, 82798108672L, 119839232000L));
    }

    @Test
    void systemStatsAreSummedAcrossComputesWhetherFiguresAreFloatsOrIntegers() {
        // The controller reports its figures as integers, the second compute as floats (CML versions differ).
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats")).willReturn(json(200, """
                {"computes": {
                   "c1": {"hostname": "cml-controller", "is_controller": true, "stats": {
                     "cpu": {"count": 6, "percent": 4},
                     "memory": {"used": 2791538688, "free": 13624754176, "total": 16748994560},
                     "dominfo": {"total_nodes": 182, "running_nodes": 8, "allocated_cpus": 7, "allocated_memory": 6291456}}},
                   "c2": {"hostname": "cml-compute-1", "is_controller": false, "stats": {
                     "dominfo": {"total_nodes": 10.0, "running_nodes": 2.0, "allocated_cpus": 4.0, "allocated_memory": 2097152.0}}}
                 },
                 "all": {"cpu": {"count": 12, "percent": 7.5},
                         "memory": {"used": 4000000000, "total": 33497989120},
                         "disk": {"used": 1.5E11, "total": 2.39678464E11}}}
                """)));

        CmlSystemStats stats = client.systemStats(controller.target());

        assertThat(stats.computes()).isEqualTo(2);
        assertThat(stats.nodesRunning()).isEqualTo(10L);
        assertThat(stats.nodesTotal()).isEqualTo(192L);
        assertThat(stats.cpusAllocated()).isEqualTo(11L);
        assertThat(stats.memoryAllocatedKib()).isEqualTo(6291456L + 2097152L);
        assertThat(stats.cpuCount()).isEqualTo(12L);
        assertThat(stats.memoryTotalBytes()).isEqualTo(33497989120L);
        assertThat(stats.diskUsedBytes()).isEqualTo(150000000000L);
        assertThat(stats.diskTotalBytes()).isEqualTo(239678464000L);
    }

    @Test
    void licensingGivesStatusesProductLicenceAndExpiriesInUtc() {
        CmlLicensing licensing = client.licensing(controller.target());

        assertThat(licensing).isEqualTo(new CmlLicensing("COMPLETED", "IN_COMPLIANCE", "CML_Enterprise",
                Instant.parse("2026-08-20T17:25:30Z"), Instant.parse("2026-02-20T15:13:31Z"), true));
    }

    @Test
    void labsAreCountedWithoutStateCallsUnlessAsked() {
        CmlLabs labs = client.labs(controller.target(), false);

        assertThat(labs.count()).isEqualTo(4);
        assertThat(labs.labIds()).containsExactly("444a78d1-575c-4746-8469-696e580f17b6",
                "df76a038-076f-4744-85c0-b2e1daf1bc06", "3031b614-0e76-4450-9fe0-6b3be0bc0bd2",
                "863799a0-3d09-4af4-be26-cad997b6ab27");
        assertThat(labs.stateByLabId()).isEmpty();
        controller.server.verify(0, getRequestedFor(urlPathMatching("/api/v0/labs/.*/state")));
    }

    @Test
    void labStatesAreFetchedPerLabOnRequest() {
        controller.stub(get(urlPathMatching("/api/v0/labs/[^/]+/state")).willReturn(fixtureResponse("lab_state.json")));

        CmlLabs labs = client.labs(controller.target(), true);

        assertThat(labs.stateByLabId()).hasSize(4).containsEntry("444a78d1-575c-4746-8469-696e580f17b6", "STARTED");
        assertThat(labs.stateByLabId().values()).containsOnly("STARTED");
        controller.server.verify(4, getRequestedFor(urlPathMatching("/api/v0/labs/.*/state")));
    }

    @Test
    void unknownFieldsAndNullsInSystemHealthAreTolerated() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_health")).willReturn(json(200, """
                {"valid": true, "computes": null, "is_licensed": null, "cpu_overload": false,
                 "memory_overload": null, "disk_overload": {"x": 1},
                 "controller": {"core_connected": true, "airhandler": {"anything": [1, 2]}, "valid": true}}
                """)));

        CmlHealthReport report = client.evaluateHealth(controller.target());

        assertThat(report.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
        assertThat(report.licensed()).isNull();
        assertThat(report.enterprise()).isNull();
    }

    @Test
    void missingSectionsGiveNullFiguresInsteadOfFailures() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats")).willReturn(json(200, """
                {"computes": {"c1": {"hostname": "h", "stats": {"dominfo": null, "future": 1}}}, "all": null}
                """)));
        controller.stub(get(urlPathEqualTo("/api/v0/licensing")).willReturn(json(200, """
                {"registration": {"status": null, "expires": null}, "authorization": null, "new_section": {}}
                """)));
        controller.stub(get(urlPathEqualTo("/api/v0/system_information")).willReturn(json(200, "{\"oui\": null}")));

        assertThat(client.systemStats(controller.target()))
                .isEqualTo(new CmlSystemStats(1, null, null, null, null, null, null, null, null, null, null));
        assertThat(client.licensing(controller.target()))
                .isEqualTo(new CmlLicensing(null, null, null, null, null, null));
        assertThat(client.systemInformation(controller.target())).isEqualTo(new CmlSystemInformation(null, false));
    }

    @Test
    void invalidSystemHealthIsErrorNamingTheFailingChecks() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_health")).willReturn(json(200, """
                {"valid": false, "is_licensed": true, "is_enterprise": false,
                 "computes": {"c1": {"hostname": "cml-controller", "lld_connected": false, "valid": false}},
                 "controller": {"core_connected": false, "nodes_loaded": true, "valid": false}}
                """)));

        CmlHealthReport report = client.evaluateHealth(controller.target());

        assertThat(report.status()).isEqualTo(CmlServiceStatus.ERROR);
        assertThat(report.reachable()).isTrue();
        assertThat(report.valid()).isFalse();
        assertThat(report.licensed()).isTrue();
        assertThat(report.enterprise()).isFalse();
        assertThat(report.error()).isEqualTo("cannot run labs: compute cml-controller: lld_connected false; "
                + "controller: core_connected false");
        assertThat(report.latency()).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void controllerNotReadyIsErrorWithoutAskingSystemHealth() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_information"))
                .willReturn(json(200, "{\"version\": \"2.9.1+build.7\", \"ready\": false}")));

        CmlHealthReport report = client.evaluateHealth(controller.target());

        assertThat(report.status()).isEqualTo(CmlServiceStatus.ERROR);
        assertThat(report.error()).contains("not ready");
        controller.server.verify(0, getRequestedFor(urlPathEqualTo("/api/v0/system_health")));
    }
}
