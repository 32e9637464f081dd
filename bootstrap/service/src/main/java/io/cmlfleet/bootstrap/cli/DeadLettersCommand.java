package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.operations.DeadLetterRetry;
import io.cmlfleet.application.operations.RetryOutcome;
import io.cmlfleet.application.operations.UnknownDeadLetterSequenceException;
import io.cmlfleet.application.readmodel.ProjectionsModule;
import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import io.cmlfleet.application.readmodel.deadletter.DeadLetteredSequence;
import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.cmlfleet.application.text.SafeText;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * {@code dead-letters}: the projections' dead-lettered events per worker, read from the store; {@code retry} hands
 * a worker's parked events to the projection again (with the same handlers as the service), {@code evict} drops
 * them. Exit code 1 when the answer is bad news: dead letters exist, a retry failed again, no such sequence.
 */
final class DeadLettersCommand implements Command {

    private static final String FORMAT = "%-18s %-28s %7s %7s %-24s %-24s %s";

    @Override
    public String name() {
        return "dead-letters";
    }

    @Override
    public String usage() {
        return "dead-letters [retry|evict <group> <workerId>] [--data-dir ./cmlfleet-data | --jdbc-url URL"
                + " [--jdbc-user U] (password in $CMLFLEET_DB_PASSWORD)]";
    }

    @Override
    public String summary() {
        return "list the projections' dead-lettered events per worker; retry or evict one worker's sequence";
    }

    @Override
    public int run(Options options, PrintStream out, Map<String, String> environment) {
        return StoreConnection.reading(options, () -> act(options, out, environment));
    }

    private int act(Options options, PrintStream out, Map<String, String> environment) {
        if (options.positionalCount() == 0) {
            DataSource dataSource = StoreConnection.dataSource(options, environment);
            return list(new DeadLetterStore(new JdbcTemplate(dataSource)), out);
        }
        String action = options.positional(0, "action (retry or evict)");
        if (!"retry".equals(action) && !"evict".equals(action)) {
            throw new UsageException("unknown action '" + SafeText.line(action) + "'; retry or evict");
        }
        String group = options.positional(1, "processing group (one of " + ProcessingGroups.ALL + ")");
        if (!ProcessingGroups.ALL.contains(group)) {
            throw new UsageException("unknown processing group '" + SafeText.line(group) + "'; one of "
                    + ProcessingGroups.ALL);
        }
        String worker = options.positional(2, "workerId");
        DataSource dataSource = StoreConnection.dataSource(options, environment);
        DeadLetterStore store = new DeadLetterStore(new JdbcTemplate(dataSource));
        try {
            return "retry".equals(action) ? retry(dataSource, store, group, worker, out)
                    : evict(store, group, worker, out);
        } catch (UnknownDeadLetterSequenceException unknown) {
            out.println(SafeText.line(unknown.getMessage()));
            return 1;
        }
    }

    private static int list(DeadLetterStore store, PrintStream out) {
        List<DeadLetteredSequence> sequences = store.sequences();
        out.println(String.format(FORMAT, "GROUP", "WORKER", "LETTERS", "SKIPPED", "FIRST", "LAST", "CAUSE"));
        for (DeadLetteredSequence sequence : sequences) {
            out.println(String.format(FORMAT, sequence.processingGroup(),
                    SafeText.line(sequence.sequenceIdentifier()), sequence.deadLetters(), sequence.skippedEvents(),
                    sequence.firstEnqueuedAt(), sequence.lastEnqueuedAt(), sequence.causeMessage()));
        }
        out.println(sequences.size() + " dead-lettered sequence(s)");
        return sequences.isEmpty() ? 0 : 1;
    }

    private static int retry(DataSource dataSource, DeadLetterStore store, String group, String worker,
                             PrintStream out) {
        ProjectionsModule projections = new ProjectionsModule(dataSource, new DataSourceTransactionManager(dataSource));
        DeadLetterRetry retry = new DeadLetterRetry(processingGroup -> Optional.of(
                projections.standaloneDeadLetterProcessor(processingGroup, CmlfleetSerializer.create())), store);
        RetryOutcome outcome = retry.retry(group, worker);
        out.println(outcome.resolved()
                ? "Retried " + SafeText.line(worker) + " in " + group + ": " + outcome.handled()
                        + " event(s) applied, sequence resolved"
                : "Retried " + SafeText.line(worker) + " in " + group + ": " + outcome.handled()
                        + " event(s) applied, failed again: " + outcome.remaining().causeMessage());
        if (outcome.rebuildNeeded()) {
            out.println(outcome.skippedEvents() + " event(s) were skipped while the sequence was full: rebuild the "
                    + group + " projection (POST /api/v1/projections/" + group + "/rebuild)");
        }
        return outcome.resolved() ? 0 : 1;
    }

    private static int evict(DeadLetterStore store, String group, String worker, PrintStream out) {
        int evicted = store.evict(group, worker);
        if (evicted == 0) {
            throw new UnknownDeadLetterSequenceException(group, worker);
        }
        out.println("Evicted " + evicted + " dead letter(s) of " + SafeText.line(worker) + " from " + group
                + "; rebuild the projection to apply those events again");
        return 0;
    }
}
