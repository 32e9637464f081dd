package io.cmlfleet.application.lifecycle;

import io.cmlfleet.domain.worker.IdleStopDecision;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the aggregate whether a worker is idle (it decides and records), and if so calls EC2 to stop it. Runs at the
 * end of each refresh of a RUNNING worker, on the facts that refresh just recorded: the refresh sends the
 * {@link #evaluation} with its results and hands the answer to {@link #act}.
 */
public class IdleStopPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(IdleStopPolicy.class);

    private final IdleStopSettings settings;
    private final WorkerLifecycleService lifecycle;
    private final Clock clock;

    public IdleStopPolicy(IdleStopSettings settings, WorkerLifecycleService lifecycle, Clock clock) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public boolean enabledFleetWide() {
        return settings.enabledFleetWide();
    }

    /** The evaluation to ask the worker for, with this policy's settings; a refresh sends it with its results. */
    public EvaluateIdleness evaluation(String workerId) {
        return new EvaluateIdleness(workerId, settings.idleAfter(), settings.snoozeAfterResume(),
                settings.enabledFleetWide(), clock.instant());
    }

    /** Stops the instance when the worker decided so; the decision and the STOP request are already recorded. */
    public void act(String workerId, IdleStopDecision decision) {
        if (decision.stop()) {
            LOG.info("Worker {} is idle ({}); stopping it", workerId, decision.reason());
            lifecycle.callEc2(decision.placement(), LifecycleAction.STOP);
        }
    }
}
