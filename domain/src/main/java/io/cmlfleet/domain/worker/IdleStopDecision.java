package io.cmlfleet.domain.worker;

/**
 * The answer to an idleness evaluation.
 *
 * @param stop      whether the worker is to be stopped now
 * @param reason    why (stop), or why not, in words an operator understands
 * @param placement where the instance is, for the EC2 call
 */
public record IdleStopDecision(boolean stop, String reason, WorkerPlacement placement) {
}
