package io.cmlfleet.bootstrap.app;

import io.cmlfleet.application.readmodel.query.FleetCounts;
import io.cmlfleet.application.readmodel.query.FleetOverview;
import io.cmlfleet.application.readmodel.query.GetFleetOverview;
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
 * AVAILABLE 7, UNAVAILABLE 5}.
 */
@Component
class FleetConsoleReporter implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger("io.cmlfleet.fleet");

    private final QueryGateway queries;
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cmlfleet-fleet-report");
        thread.setDaemon(true);
        return thread;
    });

    FleetConsoleReporter(QueryGateway queries, ConsoleProperties console) {
        this.queries = queries;
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
        } catch (RuntimeException e) {
            LOG.debug("fleet overview not available yet: {}", e.getMessage());
        }
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
