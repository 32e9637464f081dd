package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.LicenceIssue;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The controller's licence changed, or what it needs attention for did: a renewal failed, the authorization or
 * registration expired or came within the horizon. Checks that find the same licence and the same issues are not
 * recorded.
 *
 * @param licence    the whole licensing state as CML reported it
 * @param issues     what needs attention now, by {@code LicenceHealthRule}; empty when nothing does
 * @param horizon    the expiry horizon the issues were judged with, in days
 * @param observedAt when the licensing state was read
 */
@Revision("1")
public record LicenceStateChanged(
        String workerId,
        LicenceFacts licence,
        List<LicenceIssue> issues,
        long horizon,
        Instant observedAt) implements WorkerEvent {

    public LicenceStateChanged {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
