package io.cmlfleet.application.readmodel;

import io.cmlfleet.domain.worker.CmlFacts;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.EndpointSource;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.WorkerOrigin;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.InstanceStatusChecksChanged;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Realistic worker histories, shaped as the CMLWorker aggregate emits them. */
public final class FleetStreams {

    static final Instant T0 = Instant.parse("2026-11-24T14:00:00Z");

    private FleetStreams() {
    }

    public static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    public static WorkerCreated created(String workerId, String name, String region, String instanceId, long at) {
        return new WorkerCreated(workerId, name, region, instanceId, "c5.2xlarge", "ami-0abcdef1234567890",
                "CML-2.9.1", Map.of("team", "netops"), "alice", WorkerOrigin.REGISTERED, at(at));
    }

    public static StatusChanged status(String workerId, WorkerStatus from, WorkerStatus to, long at) {
        return new StatusChanged(workerId, from, to, to.name().toLowerCase().replace('_', '-'),
                "EC2 reported instance state '" + to.name().toLowerCase() + "'", at(at));
    }

    public static TelemetryUpdated telemetry(String workerId, Double cpu, Double memory, long at) {
        return new TelemetryUpdated(workerId, cpu, memory, at(at), 300);
    }

    /**
     * worker-1 in eu-west-1: created, booted, got its automatic endpoint, health AVAILABLE, CML stats, telemetry,
     * one failed stage and a completed refresh.
     */
    public static List<WorkerEvent> runningAvailableWorker(String workerId, String name, String region, String instanceId,
                                                    String publicIp) {
        String endpoint = "https://" + publicIp;
        return List.of(
                created(workerId, name, region, instanceId, 0),
                status(workerId, WorkerStatus.UNKNOWN, WorkerStatus.PENDING, 10),
                new InstanceStatusChecksChanged(workerId, "initializing", "initializing", at(10)),
                status(workerId, WorkerStatus.PENDING, WorkerStatus.RUNNING, 60),
                new NetworkAddressesChanged(workerId, null, publicIp, null, "10.0.1.17", at(60)),
                new EndpointPopulated(workerId, endpoint, publicIp, EndpointSource.AUTO, "auto-population", at(60)),
                new ServiceHealthEvaluated(workerId, endpoint, CmlServiceStatus.UNAVAILABLE,
                        CmlServiceStatus.AVAILABLE, true, true, null, null, 42, at(120)),
                new CmlStatsRecorded(workerId, new CmlFacts("2.9.1+build.7", true, true, true, "COMPLETED",
                        "IN_COMPLIANCE", 3, 12, 20, 16, 33554432L, 3600L), at(125)),
                telemetry(workerId, 37.5, 61.25, 180),
                new RefreshFailed(workerId, RefreshStage.CML_LABS, "TIMEOUT", "labs did not answer in 10s", true,
                        at(185)),
                new RefreshCompleted(workerId, RefreshTrigger.SCHEDULED, at(119), at(186), List.of(
                        RefreshStageOutcome.ran(RefreshStage.EC2_OBSERVATION),
                        new RefreshStageOutcome(RefreshStage.CML_LABS, io.cmlfleet.domain.worker.StageResult.FAILED,
                                "TIMEOUT"))),
                // Later stats that did not learn the version keep the one known.
                new CmlStatsRecorded(workerId, new CmlFacts(null, true, null, null, null, null, 4, 14, 22, 18,
                        null, 3900L), at(300)),
                telemetry(workerId, 0.0, null, 480));
    }

    /** A worker that ran, lost its endpoint when stopped, and was terminated. */
    public static List<WorkerEvent> stoppedThenTerminatedWorker(String workerId, String name, String region,
                                                         String instanceId) {
        String publicIp = "3.250.1.2";
        String endpoint = "https://" + publicIp;
        return List.of(
                created(workerId, name, region, instanceId, 5),
                status(workerId, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, 20),
                new NetworkAddressesChanged(workerId, null, publicIp, null, "10.0.2.9", at(20)),
                new EndpointPopulated(workerId, endpoint, publicIp, EndpointSource.AUTO, "auto-population", at(20)),
                new ServiceHealthEvaluated(workerId, endpoint, CmlServiceStatus.UNAVAILABLE, CmlServiceStatus.ERROR,
                        false, null, null, "system_health.valid is false", 80, at(40)),
                new LifecycleActionRequested(workerId, LifecycleAction.STOP, "bob", "end of lab", at(200)),
                status(workerId, WorkerStatus.RUNNING, WorkerStatus.STOPPING, 210),
                new EndpointCleared(workerId, endpoint, EndpointSource.AUTO, "worker left RUNNING", at(210)),
                new ServiceMarkedUnavailable(workerId, CmlServiceStatus.ERROR, "worker left RUNNING", at(210)),
                status(workerId, WorkerStatus.STOPPING, WorkerStatus.STOPPED, 260),
                new NetworkAddressesChanged(workerId, publicIp, null, "10.0.2.9", "10.0.2.9", at(260)),
                new LifecycleActionRequested(workerId, LifecycleAction.TERMINATE, "bob", "decommissioned", at(900)),
                status(workerId, WorkerStatus.STOPPED, WorkerStatus.TERMINATED, 960),
                new WorkerTerminated(workerId, "EC2 reported instance state 'terminated'", at(960)));
    }

    /** Two workers, interleaved as a real event store would interleave them. */
    public static List<WorkerEvent> twoWorkersInterleaved() {
        List<WorkerEvent> first = runningAvailableWorker("worker-1", "lab-worker-1", "eu-west-1",
                "i-0123456789abcdef0", "54.194.252.215");
        List<WorkerEvent> second = stoppedThenTerminatedWorker("worker-2", "lab-worker-2", "us-east-1",
                "i-0fedcba9876543210");
        List<WorkerEvent> all = new ArrayList<>();
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            if (i < first.size()) {
                all.add(first.get(i));
            }
            if (i < second.size()) {
                all.add(second.get(i));
            }
        }
        return all;
    }
}
