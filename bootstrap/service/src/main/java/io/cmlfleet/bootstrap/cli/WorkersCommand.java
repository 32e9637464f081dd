package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.readmodel.query.ListWorkers;
import io.cmlfleet.application.readmodel.query.WorkerPage;
import io.cmlfleet.application.readmodel.query.WorkerQueryHandler;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import io.cmlfleet.application.text.SafeText;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code workers}: the workers of the store with their status, read from the worker summary read model. The embedded
 * H2 store can be read only while the service is stopped (H2 keeps one process per file); on PostgreSQL, any time.
 * Stored text passes {@link SafeText#line}: a row is one line whatever an old event holds.
 */
final class WorkersCommand implements Command {

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public String usage() {
        return "workers [--data-dir ./cmlfleet-data | --jdbc-url URL [--jdbc-user U] (password in $CMLFLEET_DB_PASSWORD)]"
                + " [--status RUNNING] [--region eu-west-1] [--service AVAILABLE]";
    }

    @Override
    public String summary() {
        return "list workers with status, endpoint, service status and last refresh";
    }

    @Override
    public int run(Options options, PrintStream out, Map<String, String> environment) {
        if (AxonServerTarget.requested(options)) {
            throw new UsageException("workers reads the worker summary, which is in the database in every storage mode"
                    + " (Axon Server holds the events): use --data-dir or --jdbc-url");
        }
        return StoreConnection.reading(options, () -> list(options, out, environment));
    }

    private int list(Options options, PrintStream out, Map<String, String> environment) {
        JdbcTemplate jdbc = new JdbcTemplate(StoreConnection.dataSource(options, environment));
        WorkerQueryHandler workers = new WorkerQueryHandler(jdbc);
        WorkerStatus status = parse(WorkerStatus.class, options.value("status", null), "--status");
        CmlServiceStatus service = parse(CmlServiceStatus.class, options.value("service", null), "--service");
        int page = 0;
        out.println(String.format("%-28s %-10s %-13s %-11s %-26s %-12s %s", "WORKER", "REGION", "STATUS",
                "SERVICE", "ENDPOINT", "NODES", "LAST REFRESH"));
        WorkerPage result;
        do {
            result = workers.handle(new ListWorkers(status, options.value("region", null), service, page++, 500));
            for (WorkerSummary w : result.workers()) {
                out.println(String.format("%-28s %-10s %-13s %-11s %-26s %-12s %s", SafeText.line(w.workerId()),
                        SafeText.line(w.region()), w.status(), w.serviceStatus(),
                        w.endpoint() == null ? "-" : SafeText.line(w.endpoint()),
                        w.nodesRunning() == null ? "-" : w.nodesRunning() + "/" + w.nodesTotal(),
                        w.lastRefreshCompletedAt() == null ? "-" : w.lastRefreshCompletedAt()));
            }
        } while (result.hasNext());
        out.println(result.totalCount() + " worker(s)");
        return 0;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
