package io.cmlfleet.application.forensics.finding;

import io.cmlfleet.application.forensics.history.TimeWindow;
import java.util.List;

/**
 * What a worker's history says, computed from the event store: one typed list per kind of finding, and
 * {@code causes}, the same findings as sentences that name the cause, most important first, for the operator who
 * asked "why?".
 *
 * @param workerId          the worker
 * @param window            the window the findings cover
 * @param causes            one sentence per finding that explains something, e.g. {@code CML API never queried ...}
 * @param monitoringGaps    heartbeats missing for more than twice the cadence
 * @param flapping          repeated status or service changes
 * @param launchToAvailable creation to first AVAILABLE (over the whole history)
 * @param stuckStates       transitional states held too long
 * @param endpointChanges   endpoint set or removed
 * @param endpointlessRuns  RUNNING without an endpoint
 * @param refreshFailures   RefreshFailed per stage
 * @param healthCheck       what happened to the health check stage
 * @param cmlQuery          why the CML API was or was not queried
 * @param stoppedOutside    stops nobody requested through cmlfleet
 */
public record Findings(
        String workerId,
        TimeWindow window,
        List<String> causes,
        List<MonitoringGap> monitoringGaps,
        List<Flapping> flapping,
        LaunchToAvailable launchToAvailable,
        List<StuckState> stuckStates,
        List<EndpointChange> endpointChanges,
        List<EndpointlessRun> endpointlessRuns,
        List<StageFailures> refreshFailures,
        StageExplanation healthCheck,
        StageExplanation cmlQuery,
        List<OutsideStop> stoppedOutside) {

    public Findings {
        causes = List.copyOf(causes);
        monitoringGaps = List.copyOf(monitoringGaps);
        flapping = List.copyOf(flapping);
        stuckStates = List.copyOf(stuckStates);
        endpointChanges = List.copyOf(endpointChanges);
        endpointlessRuns = List.copyOf(endpointlessRuns);
        refreshFailures = List.copyOf(refreshFailures);
        stoppedOutside = List.copyOf(stoppedOutside);
    }
}
