package io.cmlfleet.application.forensics.finding;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.RefreshStage;
import java.util.List;

/**
 * What a worker's history says over a window, computed from the event store: every {@link Finding}, and the
 * accessors an operator's question starts from. The sentences that name a cause come from {@link FindingPhrasing},
 * like every other wording of a finding.
 *
 * @param workerId the worker
 * @param window   the window the findings cover
 * @param all      every finding; always one {@link LaunchToAvailable} and one {@link StageExplanation} each for the
 *                 health check and the CML query
 */
public record Findings(String workerId, TimeWindow window,
                       // Each finding names its kind when the answer travels as a message (Axon Server's query bus
                       // serializes it): Finding is an interface, and without the name it cannot be read back.
                       @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "finding")
                       @JsonSubTypes({@JsonSubTypes.Type(MonitoringGap.class), @JsonSubTypes.Type(Flapping.class),
                               @JsonSubTypes.Type(LaunchToAvailable.class), @JsonSubTypes.Type(StuckState.class),
                               @JsonSubTypes.Type(EndpointChange.class), @JsonSubTypes.Type(EndpointlessRun.class),
                               @JsonSubTypes.Type(StageFailures.class), @JsonSubTypes.Type(StageExplanation.class),
                               @JsonSubTypes.Type(OutsideStop.class),
                               @JsonSubTypes.Type(LicenceRenewalFailed.class),
                               @JsonSubTypes.Type(LicenceExpired.class),
                               @JsonSubTypes.Type(LicenceExpiring.class),
                               @JsonSubTypes.Type(LicenceChanged.class)})
                       List<Finding> all) {

    public Findings {
        all = List.copyOf(all);
    }

    /** One sentence per finding that explains something, most telling first, e.g. {@code CML API never queried ...}. */
    public List<String> causes() {
        return FindingPhrasing.causes(all);
    }

    /** Heartbeats missing for more than twice the cadence. */
    public List<MonitoringGap> monitoringGaps() {
        return ofKind(MonitoringGap.class);
    }

    /** Repeated status or service changes. */
    public List<Flapping> flapping() {
        return ofKind(Flapping.class);
    }

    /** Transitional states held too long. */
    public List<StuckState> stuckStates() {
        return ofKind(StuckState.class);
    }

    /** RUNNING without an endpoint. */
    public List<EndpointlessRun> endpointlessRuns() {
        return ofKind(EndpointlessRun.class);
    }

    /** {@code RefreshFailed} per stage. */
    public List<StageFailures> refreshFailures() {
        return ofKind(StageFailures.class);
    }

    /** Stops nobody requested through cmlfleet. */
    public List<OutsideStop> stoppedOutside() {
        return ofKind(OutsideStop.class);
    }

    /** Failed licence renewals the licence checks saw. */
    public List<LicenceRenewalFailed> licenceRenewalFailures() {
        return ofKind(LicenceRenewalFailed.class);
    }

    /** Authorizations and registrations seen past their expiry. */
    public List<LicenceExpired> licenceExpiries() {
        return ofKind(LicenceExpired.class);
    }

    /** Authorizations and registrations seen expiring within the horizon. */
    public List<LicenceExpiring> licenceExpiring() {
        return ofKind(LicenceExpiring.class);
    }

    /** Changes of the licence between checks. */
    public List<LicenceChanged> licenceChanges() {
        return ofKind(LicenceChanged.class);
    }

    /** Creation to first AVAILABLE, over the whole history. */
    public LaunchToAvailable launchToAvailable() {
        return ofKind(LaunchToAvailable.class).get(0);
    }

    /** What happened to the health check stage. */
    public StageExplanation healthCheck() {
        return stage(RefreshStage.HEALTH_CHECK);
    }

    /** Why the CML API was or was not queried. */
    public StageExplanation cmlQuery() {
        return stage(StageExplanation.CML_QUERY);
    }

    private StageExplanation stage(RefreshStage stage) {
        return ofKind(StageExplanation.class).stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }

    private <F extends Finding> List<F> ofKind(Class<F> kind) {
        return all.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
