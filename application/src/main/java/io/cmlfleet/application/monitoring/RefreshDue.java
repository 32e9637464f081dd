package io.cmlfleet.application.monitoring;

/**
 * Payload of the monitoring deadline: "refresh this worker now".
 *
 * @param workerId the worker
 * @param sequence the saga's count of deadlines scheduled so far; a deadline whose sequence is not the saga's latest
 *                 is stale (a cancel that did not take) and is ignored, so a worker never ends up with two refresh
 *                 chains
 */
public record RefreshDue(String workerId, long sequence) {
}
