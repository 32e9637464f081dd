package io.cmlfleet.application.forensics.finding;

import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * The worker went down (STOPPING, STOPPED, SHUTTING_DOWN, TERMINATED) as observed on EC2 with no STOP or TERMINATE
 * requested through cmlfleet shortly before: somebody used the console or the API, or AWS did it.
 *
 * @param at                   when the change was observed
 * @param from                 status before
 * @param to                   status after
 * @param ec2State             the EC2 state reported
 * @param lastRequestedAction  the last lifecycle request before, described, or {@code null} when there was none
 * @param requestWindow        how long before the change a request would have counted; the cause sentence says it,
 *                             the JSON line does not (its fields are part of the HTTP API; the JSON-lines renderer
 *                             leaves it out, while the answer as a message, e.g. over Axon Server, keeps it)
 */
public record OutsideStop(Instant at, WorkerStatus from, WorkerStatus to, String ec2State,
                          String lastRequestedAction, Duration requestWindow) implements Finding {
}
