package io.cmlfleet.bootstrap.app;

import io.cmlfleet.application.readmodel.query.FleetCounts;
import io.cmlfleet.application.readmodel.query.FleetOverview;
import io.cmlfleet.application.readmodel.query.GetFleetOverview;
import io.cmlfleet.application.readmodel.query.ListWorkerLabs;
import io.cmlfleet.application.readmodel.query.ListWorkers;
import io.cmlfleet.application.readmodel.query.WorkerLabs;
import io.cmlfleet.application.readmodel.query.WorkerPage;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import org.axonframework.eventsourcing.eventstore.EventStore;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints the fleet overview on the console every few seconds, so an operator watching the service sees workers being
 * discovered, becoming RUNNING and AVAILABLE. Line format: {@code Fleet: 12 workers | RUNNING 9, PENDING 3 | service
 * AVAILABLE 7, UNAVAILABLE 5}. A fleet of at most {@link #WORKER_LINES_UP_TO} workers (the demo's) also gets one
 * line per worker with its service reason, labs and licence ({@link WorkerConsoleLines}); a larger fleet only the
 * summary, since the licence and the reason are read from each worker's events.
 */
@Component
class FleetConsoleReporter implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger("io.cmlfleet.fleet");

    /** Fleets up to this size get a line per worker. */
    static final int WORKER_LINES_UP_TO = 20;

    private final QueryGateway queries;
    private final EventStore events;
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cmlfleet-fleet-report");
        thread.setDaemon(true);
        return thread;
    });

    FleetConsoleReporter(QueryGateway queries, EventStore events, ConsoleProperties console) {
        this.queries = queries;
        this.events = events;
        this.every = console.reportEvery();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer.scheduleAtFixedRate(this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report() {
        try {
            FleetOverview overview = queries.query(GetFleetOverview.allRegions(), FleetOverview.class).join();
            LOG.info(line(overview.totals()));
            if (overview.totals().totalWorkers() <= WORKER_LINES_UP_TO) {
                WorkerPage page = queries.query(new ListWorkers(null, null, null, 0, WORKER_LINES_UP_TO),
                        WorkerPage.class).join();
                for (WorkerSummary worker : page.workers()) {
                    LOG.info(workerLine(worker));
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("fleet overview not available yet: {}", e.getMessage());
        }
    }

    private String workerLine(WorkerSummary worker) {
        WorkerLabs labs = queries.query(new ListWorkerLabs(worker.workerId()), WorkerLabs.class).join();
        ServiceHealthEvaluated[] health = {null};
        LicenceStateChanged[] licence = {null};
        events.readEvents(worker.workerId()).asStream().forEach(event -> {
            if (event.getPayload() instanceof ServiceHealthEvaluated evaluated) {
                health[0] = evaluated;
            } else if (event.getPayload() instanceof LicenceStateChanged changed) {
                licence[0] = changed;
            }
        });
        return WorkerConsoleLines.line(worker, labs.labs(), health[0], licence[0]);
    }

    static String line(FleetCounts counts) {
        String statuses = Arrays.stream(WorkerStatus.values()).filter(s -> counts.count(s) > 0)
                .map(s -> s + " " + counts.count(s)).collect(Collectors.joining(", "));
        String services = Arrays.stream(CmlServiceStatus.values()).filter(s -> counts.count(s) > 0)
                .map(s -> s + " " + counts.count(s)).collect(Collectors.joining(", "));
        return "Fleet: " + counts.totalWorkers() + " workers | " + statuses + " | service " + services;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
