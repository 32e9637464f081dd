package io.cmlfleet.application.labs;

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
 * the listing costs one call per lab. A worker that fails is logged and skipped; the next round tries again.
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
    private volatile boolean stopping;

    /**
     * @param licensing      reads the whole licensing state in the same round; null to leave licences alone
     * @param licenceHorizon how close an expiry must be to be an issue ({@code cmlfleet.cml.licence-expiry-horizon})
     */
    public LabInventoryPoller(CmlLabOperations cml, CmlLicensingOperations licensing, Duration licenceHorizon,
                              CommandGateway commands, QueryGateway queries, Clock clock) {
        this.cml = Objects.requireNonNull(cml, "cml");
        this.licensing = licensing;
        this.licenceHorizon = Objects.requireNonNull(licenceHorizon, "licenceHorizon");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Ends a round in progress after the worker it is listing, and keeps later rounds from starting: called when
     * the node stops, before the scheduler that runs the round does. A round over a large fleet takes minutes;
     * left running, it was interrupted by the scheduler's shutdown in the middle of its JDBC work, and the
     * interrupt closed the embedded H2 store's file (seen at 10,000 workers).
     */
    public void stop() {
        stopping = true;
    }

    /** One round over the fleet; answers how many workers were listed. */
    public int listAll() {
        int listed = 0;
        for (int page = 0; ; page++) {
            if (stopping) {
                return stoppedAfter(listed);
            }
            WorkerPage workers = queries.query(new ListWorkers(WorkerStatus.RUNNING, null, CmlServiceStatus.AVAILABLE,
                    page, PAGE_SIZE), WorkerPage.class).join();
            for (WorkerSummary worker : workers.workers()) {
                if (stopping) {
                    return stoppedAfter(listed);
                }
                if (worker.endpoint() != null && list(worker.workerId(), worker.endpoint())) {
                    listed++;
                }
            }
            if ((long) (page + 1) * PAGE_SIZE >= workers.totalCount() || workers.workers().isEmpty()) {
                return listed;
            }
        }
    }

    private static int stoppedAfter(int listed) {
        LOG.info("Lab listing round stopped after {} workers: cmlfleet is stopping", listed);
        return listed;
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
