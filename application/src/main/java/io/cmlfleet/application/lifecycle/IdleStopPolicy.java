package io.cmlfleet.application.lifecycle;

import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlIdleStopOperations;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.IdleStopDecision;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.UserActivity;
import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the aggregate whether a worker is idle (it decides and records), and carries the decision out: the warning
 * on the controller (maintenance mode and a notice), its withdrawal, the EC2 stop. Runs at the end of each refresh
 * of a RUNNING worker, on the facts that refresh just recorded: the refresh reads the last user activity
 * ({@link #lastUserActivity}), sends the {@link #evaluation} with its results and hands the answer to {@link #act}.
 */
public class IdleStopPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(IdleStopPolicy.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final IdleStopSettings settings;
    private final WorkerLifecycleService lifecycle;
    private final CmlIdleStopOperations cml;
    private final Clock clock;

    /** Without a CML connection: idleness from running nodes only, no warning on the controller. */
    public IdleStopPolicy(IdleStopSettings settings, WorkerLifecycleService lifecycle, Clock clock) {
        this(settings, lifecycle, null, clock);
    }

    /** @param cml the controller's telemetry and maintenance mode; null when the host has none */
    public IdleStopPolicy(IdleStopSettings settings, WorkerLifecycleService lifecycle, CmlIdleStopOperations cml,
                          Clock clock) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.cml = cml;
        this.clock = clock;
    }

    public boolean enabledFleetWide() {
        return settings.enabledFleetWide();
    }

    /** Whether refreshes read CML's telemetry for user activity. */
    public boolean readsUserActivity() {
        return cml != null;
    }

    /** The latest user activity in the controller's telemetry, by the settings' categories and excluded users. */
    public UserActivity lastUserActivity(CmlTarget target) throws CmlAccessException {
        return cml.lastUserActivity(target, settings.activityCategories(), settings.excludedUsers(), null)
                .orElse(null);
    }

    /** The evaluation to ask the worker for, without telemetry. */
    public EvaluateIdleness evaluation(String workerId) {
        return evaluation(workerId, null);
    }

    /** The evaluation to ask the worker for, with this policy's settings; a refresh sends it with its results. */
    public EvaluateIdleness evaluation(String workerId, UserActivity lastActivity) {
        return new EvaluateIdleness(workerId, settings.idleAfter(), settings.snoozeAfterResume(),
                settings.enabledFleetWide(), clock.instant(), settings.gracePeriod(),
                settings.maintenanceMode() && cml != null, lastActivity);
    }

    /**
     * Carries out what the worker decided and recorded: lifts an earlier warning from the controller, posts a new
     * one, or stops the instance.
     */
    public void act(String workerId, IdleStopDecision decision) {
        CmlTarget target = cml == null || decision.endpoint() == null ? null
                : new CmlTarget(workerId, URI.create(decision.endpoint()));
        if (decision.withdraw() && target != null) {
            LOG.info("Worker {}: idle-stop warning withdrawn ({}); lifting CML maintenance mode", workerId,
                    decision.reason());
            cml.withdrawIdleStop(target);
        }
        if (decision.announce() && target != null) {
            LOG.info("Worker {} is idle ({}); CML maintenance mode on", workerId, decision.reason());
            cml.announceIdleStop(target, noticeText(decision.plannedStopAt()));
        }
        if (decision.stop()) {
            LOG.info("Worker {} is idle ({}); stopping it", workerId, decision.reason());
            lifecycle.callEc2(decision.placement(), LifecycleAction.STOP);
        }
    }

    /** What users logged in to the controller read. */
    static String noticeText(Instant plannedStopAt) {
        return "This CML worker stops at " + CLOCK_TIME.format(plannedStopAt) + " UTC (" + plannedStopAt
                + ") for inactivity. Start or use a lab to keep it running, or ask an operator to snooze idle"
                + " stopping.";
    }
}
