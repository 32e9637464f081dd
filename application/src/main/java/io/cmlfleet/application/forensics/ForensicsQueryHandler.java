package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.history.TimeWindow;
import java.util.Objects;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Serves forensics over the query gateway. Reads the event store directly (no projection), so the answers hold
 * even while projections are being rebuilt.
 */
public class ForensicsQueryHandler {

    private final WorkerForensics forensics;

    public ForensicsQueryHandler(EventStore eventStore, ForensicsSettings settings) {
        this(new WorkerForensics(eventStore, settings));
    }

    public ForensicsQueryHandler(WorkerForensics forensics) {
        this.forensics = Objects.requireNonNull(forensics, "forensics");
    }

    @QueryHandler
    public WorkerTimeline handle(GetWorkerTimeline query) {
        return forensics.timeline(query.workerId(), TimeWindow.between(query.from(), query.to()), query.types(),
                query.page());
    }

    @QueryHandler
    public WorkerStateSnapshot handle(GetWorkerStateAt query) {
        return forensics.stateAt(query.workerId(), query.at());
    }

    @QueryHandler
    public Findings handle(GetWorkerFindings query) {
        return forensics.findings(query.workerId(), TimeWindow.between(query.from(), query.to()));
    }

    @QueryHandler
    public FleetTimeline handle(GetFleetTimeline query) {
        return forensics.fleetTimeline(TimeWindow.between(query.from(), query.to()), query.types(), query.limit());
    }
}
