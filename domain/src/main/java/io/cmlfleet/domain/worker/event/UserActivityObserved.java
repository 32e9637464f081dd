package io.cmlfleet.domain.worker.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * CML's telemetry showed a user-driven action newer than the last one recorded: the idle clock starts again from
 * {@code activityAt}. Recorded only when the last activity moved, not on every read, so the timeline shows who did
 * what and when without one event per refresh.
 *
 * @param category   CML's telemetry category, e.g. {@code start_lab}
 * @param user       the CML user who acted (system users are never recorded)
 * @param activityAt when CML says the user acted
 * @param observedAt when cmlfleet read it
 */
@Revision("1")
public record UserActivityObserved(
        String workerId,
        String category,
        String user,
        Instant activityAt,
        Instant observedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
