package io.cmlfleet.application.labs;

import io.cmlfleet.application.concurrent.DaemonThreads;
import io.cmlfleet.application.messaging.DomainCommands;
import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlLabOperations;
import io.cmlfleet.application.port.cml.CmlLicensingOperations;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.application.readmodel.query.ListWorkers;
import io.cmlfleet.application.readmodel.query.WorkerPage;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.LabFacts;
import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.WorkerStateConflictException;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.command.RecordLabInventory;
import io.cmlfleet.domain.worker.command.RecordLicence;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the labs, and reads the whole licensing state, of every RUNNING worker whose CML service is AVAILABLE (as the read model knows them) and records
 * each listing and licence check on its worker, which keeps what changed ({@code LabInventoryChanged},
 * {@code LicenceStateChanged}). Runs on the monitoring's
 * normal cadence, apart from the refresh pipeline: labs change by users' hands, not by the worker's lifecycle, and
 * the listing costs one call per lab. A worker that fails is logged and skipped; the next round tries again. Workers
 * are listed side by side ({@link LabListingSettings#parallelism()}), so one slow controller holds up only itself.
 */
public class LabInventoryPoller {

    /** Who the listings are recorded as issued by. */
    public static final String ISSUER = "lab-listing";
    private static final Logger LOG = LoggerFactory.getLogger(LabInventoryPoller.class);
    private static final int PAGE_SIZE = 200;

    private final CmlLabOperations cml;
    private final CmlLicensingOperations licensing;
    private final Duration licenceHorizon;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final LabListingSettings settings;
    /** Lists workers of a round side by side; its threads are daemons, and it is shut down by {@link #stop()}. */
    private final ExecutorService listers;
    private volatile boolean stopping;

    /**
     * @param licensing      reads the whole licensing state in the same round; null to leave licences alone
     * @param licenceHorizon how close an expiry must be to be an issue ({@code cmlfleet.cml.licence-expiry-horizon})
     */
    public LabInventoryPoller(CmlLabOperations cml, CmlLicensingOperations licensing, Duration licenceHorizon,
                              CommandGateway commands, QueryGateway queries, Clock clock) {
        this(cml, licensing, licenceHorizon, commands, queries, clock, LabListingSettings.defaults());
    }

    /** @param settings how many workers a round lists at once, and how long stopping waits for them */
    public LabInventoryPoller(CmlLabOperations cml, CmlLicensingOperations licensing, Duration licenceHorizon,
                              CommandGateway commands, QueryGateway queries, Clock clock,
                              LabListingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listers = Executors.newFixedThreadPool(settings.parallelism(), DaemonThreads.named("lab-listing"));
        this.cml = Objects.requireNonNull(cml, "cml");
        this.licensing = licensing;
        this.licenceHorizon = Objects.requireNonNull(licenceHorizon, "licenceHorizon");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Ends a round in progress after the workers it is listing, and keeps later rounds from starting: called when
     * the node stops, before the scheduler that runs the round does. A round over a large fleet takes minutes;
     * left running, it was interrupted by the scheduler's shutdown in the middle of its JDBC work, and the
     * interrupt closed the embedded H2 store's file (seen at 10,000 workers). Listings in flight get
     * {@link LabListingSettings#stopWait()} to finish and are then abandoned, never interrupted.
     */
    public void stop() {
        stopping = true;
        listers.shutdown();
        try {
            if (!listers.awaitTermination(settings.stopWait().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Lab listings still running after {} s; leaving them to end on their own",
                        settings.stopWait().toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One round over the fleet, {@link LabListingSettings#parallelism()} workers at a time; returns once every
     * listing it started ended, and answers how many workers were listed.
     */
    public int listAll() {
        AtomicInteger listed = new AtomicInteger();
        Semaphore free = new Semaphore(settings.parallelism());
        try {
            for (int page = 0; ; page++) {
                if (stopping) {
                    return stoppedAfter(listed);
                }
                WorkerPage workers = queries.query(new ListWorkers(WorkerStatus.RUNNING, null,
                        CmlServiceStatus.AVAILABLE, page, PAGE_SIZE), WorkerPage.class).join();
                for (WorkerSummary worker : workers.workers()) {
                    if (worker.endpoint() == null) {
                        continue;
                    }
                    free.acquireUninterruptibly();
                    if (stopping || !submit(worker, listed, free)) {
                        free.release();
                        return stoppedAfter(listed);
                    }
                }
                if ((long) (page + 1) * PAGE_SIZE >= workers.totalCount() || workers.workers().isEmpty()) {
                    return listed.get();
                }
            }
        } finally {
            awaitListings(free);
        }
    }

    /**
     * The round ends when its listings do, so the next one cannot overlap it; once the node is stopping, it waits
     * at most {@link LabListingSettings#stopWait()} more and leaves the rest to end on their own.
     */
    private void awaitListings(Semaphore free) {
        long giveUpAt = Long.MAX_VALUE;
        try {
            while (!free.tryAcquire(settings.parallelism(), 200, TimeUnit.MILLISECONDS)) {
                if (stopping && giveUpAt == Long.MAX_VALUE) {
                    giveUpAt = System.nanoTime() + settings.stopWait().toNanos();
                } else if (System.nanoTime() - giveUpAt > 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean submit(WorkerSummary worker, AtomicInteger listed, Semaphore free) {
        try {
            listers.execute(() -> {
                try {
                    if (list(worker.workerId(), worker.endpoint())) {
                        listed.incrementAndGet();
                    }
                } finally {
                    free.release();
                }
            });
            return true;
        } catch (RejectedExecutionException stoppedMeanwhile) {
            return false;
        }
    }

    private static int stoppedAfter(AtomicInteger listed) {
        LOG.info("Lab listing round stopped after {} workers: cmlfleet is stopping", listed.get());
        return listed.get();
    }

    /** Lists one worker's labs and records them; false when the listing failed or the worker refused it. */
    public boolean list(String workerId, String endpoint) {
        Instant observedAt = clock.instant();
        try {
            List<LabFacts> labs = cml.labDetails(new CmlTarget(workerId, URI.create(endpoint)));
            MetaData round = RefreshCorrelation.metaData(UUID.randomUUID().toString(), ISSUER);
            DomainCommands.sendAndWait(commands, new RecordLabInventory(workerId, labs, observedAt), round);
            if (licensing != null) {
                Instant checkedAt = clock.instant();
                LicenceFacts licence = licensing.licenceDetails(new CmlTarget(workerId, URI.create(endpoint)));
                DomainCommands.sendAndWait(commands, new RecordLicence(workerId, licence, licenceHorizon, checkedAt),
                        round);
            }
            return true;
        } catch (CmlAccessException e) {
            LOG.warn("Lab listing of worker {} failed: {}", workerId, e.getMessage());
        } catch (WorkerStateConflictException e) {
            // The read model lagged: the worker left AVAILABLE meanwhile. Nothing to record.
            LOG.debug("Lab listing of worker {} not recorded: {}", workerId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Lab listing of worker {} failed: {}", workerId, e.getClass().getSimpleName());
        }
        return false;
    }
}
