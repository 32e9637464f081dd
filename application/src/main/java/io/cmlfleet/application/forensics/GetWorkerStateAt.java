package io.cmlfleet.application.forensics;

import java.time.Instant;

/**
 * Query: the worker's state as it was at an instant (its history replayed up to and including it). Answered with
 * {@link WorkerStateSnapshot}.
 *
 * @param workerId the worker
 * @param at       the instant; {@code null} for "now" (the whole history)
 */
public record GetWorkerStateAt(String workerId, Instant at) {
}
