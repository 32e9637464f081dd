package io.cmlfleet.domain.worker;

import java.time.Instant;

/**
 * The answer to an idleness evaluation: what the application is to do on EC2 and on the controller.
 *
 * @param stop          whether the worker is to be stopped now
 * @param reason        why (stop, warning), or why not, in words an operator understands
 * @param placement     where the instance is, for the EC2 call
 * @param announce      a warning was recorded with maintenance mode: put the controller in maintenance mode and
 *                      post the notice
 * @param withdraw      the controller's maintenance mode and notice from an idle warning are to be lifted
 * @param plannedStopAt when the announced stop happens (with {@code announce})
 * @param endpoint      the controller's endpoint, for the CML calls
 */
public record IdleStopDecision(boolean stop, String reason, WorkerPlacement placement, boolean announce,
                               boolean withdraw, Instant plannedStopAt, String endpoint) {

    public IdleStopDecision(boolean stop, String reason, WorkerPlacement placement) {
        this(stop, reason, placement, false, false, null, null);
    }
}
