package io.cmlfleet.bootstrap;

import io.cmlfleet.application.labs.LabListingSettings;
import io.cmlfleet.application.monitoring.DeadlineSchedulerSettings;
import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.cmlfleet.application.refresh.RefreshExecutionSettings;
import io.cmlfleet.bootstrap.config.InvalidSettingException;
import io.cmlfleet.bootstrap.config.StorageMode;
import io.cmlfleet.bootstrap.config.StorageProperties;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How many database connections and Axon Server command threads a node needs at once, from the settings that
 * decide it; a pure function of them. Each tracking processor holds a connection while it handles a batch (the
 * projections, the monitoring saga's and the threshold metrics'); each deadline thread, and the scheduler's poller,
 * one while it runs; each command one for its unit of work (in the JDBC modes commands run on the thread that sends
 * them, so at most one per refresh thread and one per lab listing thread; on Axon Server one per command thread); on
 * Axon Server each query
 * thread one for its read; and a margin for the HTTP API's own reads and lifecycle commands.
 *
 * @param mode             the storage mode
 * @param parallelism      {@code cmlfleet.refresh.parallelism}
 * @param deadlineThreads  {@code cmlfleet.monitoring.deadline-threads}
 * @param labListers       {@code cmlfleet.monitoring.lab-listing-parallelism}
 * @param commandThreads   {@code axon.axonserver.command-threads} (axon-server mode only)
 * @param queryThreads     {@code axon.axonserver.query-threads} (axon-server mode only)
 * @param poolSize         {@code spring.datasource.hikari.maximum-pool-size} when the operator set it
 */
record ConnectionPoolBudget(StorageMode mode, int parallelism, int deadlineThreads, int labListers,
                            int commandThreads, int queryThreads, Optional<Integer> poolSize) {

    static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
    static final String COMMAND_THREADS = "axon.axonserver.command-threads";
    static final String QUERY_THREADS = "axon.axonserver.query-threads";
    /** The projections, the monitoring saga and the threshold metrics: one tracking processor each. */
    static final int TRACKING_PROCESSORS = ProcessingGroups.ALL.size() + 2;
    /** The HTTP API's reads and lifecycle commands, health checks. */
    static final int MARGIN = 4;
    /** Command threads beyond the refresh threads' commands: for the HTTP API's and lifecycle commands. */
    static final int COMMAND_MARGIN = 2;
    /** Axon Server connector's default command and query threads. */
    private static final int AXON_SERVER_DEFAULT_THREADS = 10;

    static ConnectionPoolBudget of(Environment environment) {
        Binder binder = Binder.get(environment);
        StorageMode mode = binder.bind("cmlfleet.storage.mode", StorageMode.class).orElse(StorageProperties.DEFAULT_MODE);
        return new ConnectionPoolBudget(mode,
                binder.bind("cmlfleet.refresh.parallelism", Integer.class)
                        .orElse(RefreshExecutionSettings.defaults().parallelism()),
                binder.bind("cmlfleet.monitoring.deadline-threads", Integer.class)
                        .orElse(DeadlineSchedulerSettings.defaults().threads()),
                binder.bind("cmlfleet.monitoring.lab-listing-parallelism", Integer.class)
                        .orElse(LabListingSettings.DEFAULT_PARALLELISM),
                binder.bind(COMMAND_THREADS, Integer.class).orElse(AXON_SERVER_DEFAULT_THREADS),
                binder.bind(QUERY_THREADS, Integer.class).orElse(AXON_SERVER_DEFAULT_THREADS),
                binder.bind(POOL_SIZE, Integer.class).map(Optional::of).orElse(Optional.empty()));
    }

    private boolean axonServer() {
        return mode == StorageMode.AXON_SERVER;
    }

    /** Connections needed at once; the pool's default when the operator set none. */
    int connectionsNeeded() {
        int commands = axonServer() ? commandThreads : parallelism + labListers;
        int queries = axonServer() ? queryThreads : 0;
        return TRACKING_PROCESSORS + deadlineThreads + 1 + commands + queries + MARGIN;
    }

    /** Why this configuration would starve, naming the settings; empty when it would not. */
    Optional<InvalidSettingException> starvation() {
        if (axonServer() && commandThreads < parallelism + COMMAND_MARGIN) {
            return Optional.of(new InvalidSettingException(COMMAND_THREADS, COMMAND_THREADS + " (" + commandThreads + ") must be at least"
                    + " cmlfleet.refresh.parallelism (" + parallelism + ") + " + COMMAND_MARGIN + ": every refresh"
                    + " thread has one command in flight, and the HTTP API's and lifecycle commands need threads"
                    + " too; raise " + COMMAND_THREADS + " or lower cmlfleet.refresh.parallelism"));
        }
        if (poolSize.isPresent() && poolSize.get() < connectionsNeeded()) {
            return Optional.of(new InvalidSettingException(POOL_SIZE, POOL_SIZE + " (" + poolSize.get() + ") is below the " + connectionsNeeded()
                    + " connections this node uses at once in " + mode.name().toLowerCase().replace('_', '-')
                    + " mode: " + breakdown() + "; raise it to at least " + connectionsNeeded()
                    + ", or leave it unset and cmlfleet sizes the pool itself"));
        }
        return Optional.empty();
    }

    private String breakdown() {
        String commands = axonServer() ? commandThreads + " command threads (" + COMMAND_THREADS + ")"
                : parallelism + " refresh threads sending commands (cmlfleet.refresh.parallelism) + " + labListers
                        + " lab listing threads sending commands (cmlfleet.monitoring.lab-listing-parallelism)";
        String queries = axonServer() ? " + " + queryThreads + " query threads (" + QUERY_THREADS + ")" : "";
        return TRACKING_PROCESSORS + " tracking processors + " + (deadlineThreads + 1)
                + " deadline threads and their poller (cmlfleet.monitoring.deadline-threads) + " + commands
                + queries + " + " + MARGIN + " for the HTTP API and health checks";
    }
}
