package io.cmlfleet.application.monitoring;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.cmlfleet.application.refresh.RefreshRequests;
import io.cmlfleet.application.refresh.WorkerRef;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one worker refreshed for as long as it exists: from {@link WorkerCreated} until {@link WorkerTerminated}.
 *
 * <p>The saga holds exactly one pending deadline ({@value #DEADLINE_NAME}) and remembers its id, so it can cancel
 * precisely that one. When the deadline fires it hands the worker to the refresh executor ({@link RefreshRequests},
 * without waiting for the refresh, which runs on the executor's threads, never on the deadline thread) and schedules
 * the next one. The pace follows {@link RefreshCadence}: fast while something is changing, normal when stable; when
 * the worker needs the fast pace again, a far-away normal deadline is replaced by a sooner one. Due times come from
 * {@link RefreshScheduleCalculator}, which spreads a fleet over the interval while keeping coalescible groups.
 *
 * <p>Resources are injected by Axon's resource injector through {@code @jakarta.inject.Inject} on transient fields
 * (transient: they are not saga state and must not be serialized). Saga state is serialized with Jackson by field.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
public class WorkerMonitoringSaga {

    /** The name of the one deadline this saga schedules. */
    public static final String DEADLINE_NAME = "cmlfleet.worker-monitoring.refresh";
    /** Who scheduled refreshes are requested by, as recorded in RefreshCompleted. */
    public static final String REQUESTED_BY = "monitoring";

    private static final Logger log = LoggerFactory.getLogger(WorkerMonitoringSaga.class);

    @Inject
    private transient DeadlineManager deadlineManager;
    @Inject
    private transient RefreshRequests refreshes;
    @Inject
    private transient MonitoringSettings settings;
    @Inject
    private transient Clock clock;

    private String workerId;
    private String region;
    private String instanceId;
    private WorkerStatus workerStatus;
    private CmlServiceStatus serviceStatus;
    /** Id returned by the deadline manager for the pending deadline; null when none is pending. */
    private String scheduledDeadlineId;
    /** When the pending deadline is due. */
    private Instant nextRefreshAt;
    /** Sequence number carried by the pending deadline (see {@link RefreshDue#sequence()}). */
    private long deadlineSequence;

    /** For Axon and Jackson. */
    public WorkerMonitoringSaga() {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "workerId")
    public void on(WorkerCreated created) {
        workerId = created.workerId();
        region = created.region();
        instanceId = created.instanceId();
        // What the aggregate starts with: nothing observed yet, service unknown to be up.
        workerStatus = WorkerStatus.UNKNOWN;
        serviceStatus = CmlServiceStatus.UNAVAILABLE;
        log.info("Monitoring worker {} ({} in {})", workerId, instanceId, region);
        scheduleNextRefresh(null);
    }

    @SagaEventHandler(associationProperty = "workerId")
    public void on(StatusChanged changed) {
        workerStatus = changed.to();
        adaptCadence();
    }

    @SagaEventHandler(associationProperty = "workerId")
    public void on(ServiceHealthEvaluated evaluated) {
        serviceStatus = evaluated.newStatus();
        adaptCadence();
    }

    @SagaEventHandler(associationProperty = "workerId")
    public void on(ServiceMarkedUnavailable marked) {
        serviceStatus = CmlServiceStatus.UNAVAILABLE;
        adaptCadence();
    }

    @DeadlineHandler(deadlineName = DEADLINE_NAME)
    public void on(RefreshDue due) {
        if (due.sequence() != deadlineSequence) {
            // A deadline this saga already replaced: acting on it would start a second refresh chain.
            log.debug("Ignoring stale refresh deadline #{} of worker {} (current #{})",
                      due.sequence(), workerId, deadlineSequence);
            return;
        }
        // It has fired, so there is nothing left to cancel until the next one is scheduled.
        Instant firedDueAt = nextRefreshAt;
        scheduledDeadlineId = null;
        nextRefreshAt = null;
        requestRefresh();
        scheduleNextRefresh(firedDueAt);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "workerId")
    public void on(WorkerTerminated terminated) {
        workerStatus = WorkerStatus.TERMINATED;
        cancelPendingDeadline();
        log.info("Stopped monitoring worker {}: terminated", workerId);
    }

    /**
     * When the worker needs the fast pace and the pending deadline is further away than the fast grid's next slot,
     * bring it forward. A change to the normal pace keeps the pending (sooner) deadline; the next one will be normal.
     */
    private void adaptCadence() {
        if (RefreshCadence.of(workerStatus, serviceStatus) != RefreshCadence.FAST || scheduledDeadlineId == null) {
            return;
        }
        Instant sooner = calculator().nextRefreshAt(workerId, settings().fastInterval(), now());
        if (nextRefreshAt != null && !sooner.isBefore(nextRefreshAt)) {
            return;
        }
        log.debug("Worker {} is {} / service {}: refreshing sooner, at {} instead of {}",
                  workerId, workerStatus, serviceStatus, sooner, nextRefreshAt);
        cancelPendingDeadline();
        schedule(sooner);
    }

    /** @param firedDueAt when the deadline that just fired was due; null for the first deadline */
    private void scheduleNextRefresh(Instant firedDueAt) {
        RefreshCadence cadence = RefreshCadence.of(workerStatus, serviceStatus);
        Duration interval = settings().intervalFor(cadence);
        Instant dueAt = calculator().nextRefreshAfter(workerId, interval, firedDueAt, now());
        log.debug("Worker {} is {} / service {}: {} cadence, next refresh at {}",
                  workerId, workerStatus, serviceStatus, cadence, dueAt);
        schedule(dueAt);
    }

    private void schedule(Instant dueAt) {
        deadlineSequence++;
        scheduledDeadlineId = deadlineManager.schedule(dueAt, DEADLINE_NAME, new RefreshDue(workerId, deadlineSequence));
        nextRefreshAt = dueAt;
    }

    /** Cancel by the id kept in saga state: exact, and cheap (no scan of all deadlines with this name). */
    private void cancelPendingDeadline() {
        if (scheduledDeadlineId != null) {
            deadlineManager.cancelSchedule(DEADLINE_NAME, scheduledDeadlineId);
            scheduledDeadlineId = null;
            nextRefreshAt = null;
        }
    }

    /** Fire and forget: the saga must not block on the refresh pipeline; the next deadline comes regardless. */
    private void requestRefresh() {
        String worker = workerId;
        refreshes.request(new WorkerRef(workerId, region, instanceId), RefreshTrigger.SCHEDULED, REQUESTED_BY)
                      .whenComplete((result, failure) -> {
                          if (failure != null) {
                              // The type only: exception messages may quote endpoints or responses.
                              log.warn("Scheduled refresh of worker {} could not be dispatched or failed: {}",
                                       worker, failure.getClass().getName());
                          }
                      });
    }

    private RefreshScheduleCalculator calculator() {
        return RefreshScheduleCalculator.from(settings());
    }

    /** The injected settings; the documented defaults when the host registered none. */
    private MonitoringSettings settings() {
        return settings != null ? settings : MonitoringSettings.defaults();
    }

    /** The injected clock (tests, hosts with a shared clock); the system clock when none was registered. */
    private Instant now() {
        return clock != null ? clock.instant() : Instant.now();
    }
}
