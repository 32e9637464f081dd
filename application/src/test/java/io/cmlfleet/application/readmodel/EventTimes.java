package io.cmlfleet.application.readmodel;

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

/** The time an event speaks of, used as its message timestamp so that test streams are fully deterministic. */
final class EventTimes {

    static final Instant FALLBACK = Instant.parse("2026-11-24T00:00:00Z");

    private EventTimes() {
    }

    static Instant of(WorkerEvent event) {
        Instant time;
        if (event instanceof WorkerCreated e) {
            time = e.createdAt();
        } else if (event instanceof StatusChanged e) {
            time = e.observedAt();
        } else if (event instanceof NetworkAddressesChanged e) {
            time = e.observedAt();
        } else if (event instanceof InstanceStatusChecksChanged e) {
            time = e.observedAt();
        } else if (event instanceof EndpointPopulated e) {
            time = e.populatedAt();
        } else if (event instanceof EndpointCleared e) {
            time = e.clearedAt();
        } else if (event instanceof ServiceHealthEvaluated e) {
            time = e.evaluatedAt();
        } else if (event instanceof ServiceMarkedUnavailable e) {
            time = e.markedAt();
        } else if (event instanceof CmlStatsRecorded e) {
            time = e.recordedAt();
        } else if (event instanceof TelemetryUpdated e) {
            time = e.sampledAt();
        } else if (event instanceof RefreshFailed e) {
            time = e.failedAt();
        } else if (event instanceof LifecycleActionRequested e) {
            time = e.requestedAt();
        } else if (event instanceof WorkerTerminated e) {
            time = e.terminatedAt();
        } else if (event instanceof RefreshCompleted e) {
            time = e.completedAt();
        } else {
            time = null;
        }
        return time == null ? FALLBACK : time;
    }
}
