package io.cmlfleet.application.monitoring;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's {@link DbSchedulerDeadlineManager}, except that cancelling a deadline that is executing at that moment is a
 * no-op instead of an error.
 *
 * <p>Why: db-scheduler refuses to cancel a picked (executing) task, and Axon 4.13 only tolerates "not found". The
 * cancel runs on prepare-commit of the handler that asked for it, so the exception would roll back that handler, e.g.
 * {@code WorkerTerminated}, and leave the saga running after its worker is gone. Letting it pass is safe. The executing
 * deadline either reaches a saga that has ended (Axon drops it), or it carries a sequence that the saga has already
 * replaced, and {@link WorkerMonitoringSaga} ignores it.
 */
public class CancelTolerantDbSchedulerDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(CancelTolerantDbSchedulerDeadlineManager.class);

    private final Scheduler scheduler;
    private final Runnable beforeStart;
    private final AtomicBoolean startedOnce = new AtomicBoolean();

    protected CancelTolerantDbSchedulerDeadlineManager(Builder builder, Scheduler scheduler, Runnable beforeStart) {
        super(builder);
        this.scheduler = scheduler;
        this.beforeStart = beforeStart;
    }

    /**
     * Builds one on the scheduler the builder was given (passed again because the builder does not expose it);
     * {@code beforeStart} runs when it first starts, before the scheduler polls.
     */
    public static CancelTolerantDbSchedulerDeadlineManager build(Builder builder, Scheduler scheduler,
                                                                 Runnable beforeStart) {
        return new CancelTolerantDbSchedulerDeadlineManager(builder.scheduler(scheduler), scheduler, beforeStart);
    }

    /**
     * Axon's lifecycle and {@link DurableDeadlines#start()} both start it here; {@code beforeStart} runs only the
     * first time. Run again, it released the picks of deadlines and rounds this node had begun running since the
     * first start (logged at every start of the service as db-scheduler's "Failed while completing execution ...
     * updated 0" for the lab listing round, which then ran again).
     */
    @Override
    public void start() {
        if (startedOnce.compareAndSet(false, true)) {
            beforeStart.run();
        }
        super.start();
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException e) {
                log.debug("Deadline {} [{}] already gone; nothing to cancel", deadlineName, scheduleId);
            } catch (TaskInstanceCurrentlyExecutingException e) {
                log.debug("Deadline {} [{}] is executing; letting it run into a stale or ended scope",
                          deadlineName, scheduleId);
            }
        });
    }
}
