package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.finding.EndpointChange;
import io.cmlfleet.application.forensics.finding.EndpointlessRun;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.finding.Flapping;
import io.cmlfleet.application.forensics.finding.LaunchToAvailable;
import io.cmlfleet.application.forensics.finding.MonitoringGap;
import io.cmlfleet.application.forensics.finding.OutcomeCount;
import io.cmlfleet.application.forensics.finding.OutsideStop;
import io.cmlfleet.application.forensics.finding.StageExplanation;
import io.cmlfleet.application.forensics.finding.StageFailures;
import io.cmlfleet.application.forensics.finding.StuckState;
import io.cmlfleet.application.forensics.history.EventDescriber;
import io.cmlfleet.application.forensics.history.HumanDurations;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.monitoring.RefreshCadence;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.StageResult;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes {@link Findings} from one worker's history. Pure: a list of recorded events in, findings out, so every
 * rule can be tested on a hand-written stream. The history is folded into a {@link WorkerState} as it goes, so the
 * rules judge each moment by the same state the aggregate and the monitoring saga had then.
 *
 * <p>Events before the window only build up context (the state, the last heartbeat, a pending stop request); a
 * finding is reported when it overlaps the window.
 */
public final class FindingsAnalyzer {

    private static final Set<WorkerStatus> DOWN = EnumSet.of(WorkerStatus.STOPPING, WorkerStatus.STOPPED,
            WorkerStatus.SHUTTING_DOWN, WorkerStatus.TERMINATED);

    private final ForensicsSettings settings;
    private final EventDescriber describer = new EventDescriber();

    public FindingsAnalyzer(ForensicsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Findings analyze(String workerId, List<RecordedEvent> history, TimeWindow window) {
        Run run = new Run(window);
        for (RecordedEvent recorded : history) {
            if (window.isAfter(recorded.at())) {
                break;
            }
            run.accept(recorded);
        }
        Instant end = window.to() != null ? window.to()
                : history.isEmpty() ? null : history.get(history.size() - 1).at();
        run.finish(end);
        List<Flapping> flapping = new ArrayList<>(flapping(run.statusChanges, "status"));
        flapping.addAll(flapping(run.serviceChanges, "service"));
        return new Findings(workerId, window, causes(run), run.gaps, flapping, launchToAvailable(history),
                run.stuck, run.endpointChanges, run.endpointless, run.failureList(), run.health.explain(),
                run.cml.explain(), run.outsideStops);
    }

    private Duration cadence(WorkerState state) {
        return RefreshCadence.of(state.status(), state.serviceStatus()) == RefreshCadence.FAST
                ? settings.fastCadence() : settings.normalCadence();
    }

    /** Episodes of at least {@code flappingChanges} changes, each within {@code flappingWindow} of the first. */
    private List<Flapping> flapping(List<Change> changes, String dimension) {
        List<Flapping> episodes = new ArrayList<>();
        int i = 0;
        while (i < changes.size()) {
            int j = i;
            while (j + 1 < changes.size()
                    && !changes.get(j + 1).at().isAfter(changes.get(i).at().plus(settings.flappingWindow()))) {
                j++;
            }
            if (j - i + 1 >= settings.flappingChanges()) {
                // Extend the episode while changes keep coming within the window of the previous one.
                while (j + 1 < changes.size()
                        && !changes.get(j + 1).at().isAfter(changes.get(j).at().plus(settings.flappingWindow()))) {
                    j++;
                }
                List<Change> episode = changes.subList(i, j + 1);
                episodes.add(new Flapping(dimension, episode.get(0).at(), episode.get(episode.size() - 1).at(),
                        episode.size(), episode.stream().map(Change::transition).toList()));
                i = j + 1;
            } else {
                i++;
            }
        }
        return episodes;
    }

    private static LaunchToAvailable launchToAvailable(List<RecordedEvent> history) {
        Instant created = null;
        for (RecordedEvent recorded : history) {
            if (recorded.event() instanceof WorkerCreated) {
                created = recorded.at();
            } else if (recorded.event() instanceof ServiceHealthEvaluated e
                    && e.newStatus() == CmlServiceStatus.AVAILABLE) {
                return new LaunchToAvailable(created, recorded.at(),
                        created == null ? null : Duration.between(created, recorded.at()));
            }
        }
        return new LaunchToAvailable(created, null, null);
    }

    private List<String> causes(Run run) {
        List<String> causes = new ArrayList<>();
        for (OutsideStop stop : run.outsideStops) {
            causes.add("stopped outside cmlfleet at " + stop.at() + ": " + stop.from() + " → " + stop.to()
                    + " (ec2: " + stop.ec2State() + "); no STOP or TERMINATE requested through cmlfleet in the "
                    + HumanDurations.format(settings.requestedStopWindow()) + " before"
                    + (stop.lastRequestedAction() == null ? "" : " (last request: " + stop.lastRequestedAction() + ")"));
        }
        for (MonitoringGap gap : run.gaps) {
            causes.add(gap.ongoing()
                    ? "monitoring stopped: no refresh completed since " + gap.start() + " ("
                    + HumanDurations.format(gap.length()) + " until " + gap.end() + ", expected every "
                    + HumanDurations.format(gap.expectedCadence()) + ")"
                    : "monitoring gap: no refresh completed for " + HumanDurations.format(gap.length()) + " from "
                    + gap.start() + " to " + gap.end() + " (expected every "
                    + HumanDurations.format(gap.expectedCadence()) + ")");
        }
        StageExplanation cml = run.cml.explain();
        if (cml.refreshes() > 0 && cml.attempted() == 0) {
            causes.add("CML API never queried in " + cml.refreshes() + " refreshes: " + reasons(cml));
        } else if (cml.skipped() > 0) {
            causes.add("CML API queried in " + cml.attempted() + " of " + cml.refreshes() + " refreshes; skipped "
                    + cml.skipped() + ": " + reasons(cml));
        }
        for (EndpointlessRun gap : run.endpointless) {
            causes.add("RUNNING without an HTTPS endpoint for " + HumanDurations.format(gap.duration()) + " since "
                    + gap.since() + (gap.ongoing() ? " (still at " + gap.until() + ")" : "") + ": " + gap.cause()
                    + ", so no endpoint and neither health check nor CML query could run");
        }
        StageExplanation health = run.health.explain();
        if (health.attempted() > 0 && health.outcomes().stream()
                .noneMatch(o -> o.result() == StageResult.RAN && "AVAILABLE".equals(o.detail()))) {
            String worst = health.outcomes().stream()
                    .map(o -> o.detail() + " (" + o.count() + "×, " + o.first() + " .. " + o.last() + ")")
                    .collect(Collectors.joining("; "));
            causes.add("health check ran " + health.attempted() + "× and never found the service AVAILABLE: "
                    + worst);
        }
        for (StageFailures failures : run.failureList()) {
            causes.add("refresh failed " + failures.count() + "× at " + failures.stage() + " ("
                    + failures.retryable() + " retryable), last at " + failures.lastAt() + ": "
                    + failures.lastErrorCode() + " - " + failures.lastMessage());
        }
        for (List<Change> changes : List.of(run.statusChanges, run.serviceChanges)) {
            String dimension = changes == run.statusChanges ? "status" : "service";
            for (Flapping flap : flapping(changes, dimension)) {
                causes.add(dimension + " flapping: " + flap.changes() + " changes between " + flap.start() + " and "
                        + flap.end() + " (" + String.join(", ", flap.transitions()) + ")");
            }
        }
        for (StuckState stuck : run.stuck) {
            causes.add((stuck.ongoing() ? "stuck in " : "was stuck in ") + stuck.status() + " for "
                    + HumanDurations.format(stuck.duration()) + " since " + stuck.since()
                    + (stuck.ongoing() ? " (still at " + stuck.until() + ")" : " until " + stuck.until()));
        }
        return causes;
    }

    private static String reasons(StageExplanation explanation) {
        return explanation.outcomes().stream()
                .filter(o -> o.result() == StageResult.SKIPPED)
                .map(o -> o.detail() + " (" + o.count() + "×, " + o.first() + " .. " + o.last() + ")")
                .collect(Collectors.joining("; "));
    }

    /** A status or service change, for flapping. */
    private record Change(Instant at, String transition) {
    }

    /** Counts the outcomes of one stage across refreshes. */
    private static final class StageTally {

        private final RefreshStage stage;
        private final Map<String, OutcomeCount> outcomes = new LinkedHashMap<>();
        private int refreshes;
        private int ran;
        private int failed;
        private int skipped;

        StageTally(RefreshStage stage) {
            this.stage = stage;
        }

        void accept(RefreshCompleted refresh, Instant at) {
            refreshes++;
            for (RefreshStageOutcome outcome : refresh.stages()) {
                if (outcome.stage() != stage) {
                    continue;
                }
                switch (outcome.result()) {
                    case RAN -> ran++;
                    case FAILED -> failed++;
                    case SKIPPED -> skipped++;
                }
                String key = outcome.result() + "|" + outcome.detail();
                OutcomeCount before = outcomes.get(key);
                outcomes.put(key, before == null
                        ? new OutcomeCount(outcome.result(), outcome.detail(), 1, at, at)
                        : new OutcomeCount(outcome.result(), outcome.detail(), before.count() + 1, before.first(), at));
            }
        }

        StageExplanation explain() {
            List<OutcomeCount> sorted = outcomes.values().stream()
                    .sorted(Comparator.comparingInt(OutcomeCount::count).reversed()
                            .thenComparing(OutcomeCount::first))
                    .toList();
            return new StageExplanation(stage, refreshes, ran, failed, skipped, sorted);
        }
    }

    /** The state of one pass over a history. */
    private final class Run {

        private final TimeWindow window;
        private final WorkerState state = new WorkerState();
        final List<MonitoringGap> gaps = new ArrayList<>();
        final List<StuckState> stuck = new ArrayList<>();
        final List<EndpointChange> endpointChanges = new ArrayList<>();
        final List<EndpointlessRun> endpointless = new ArrayList<>();
        final List<OutsideStop> outsideStops = new ArrayList<>();
        final List<Change> statusChanges = new ArrayList<>();
        final List<Change> serviceChanges = new ArrayList<>();
        final Map<RefreshStage, List<RefreshFailed>> failures = new EnumMap<>(RefreshStage.class);
        final StageTally health = new StageTally(RefreshStage.HEALTH_CHECK);
        // The CML stages share one gate decision; the first of them stands for "the CML API query".
        final StageTally cml = new StageTally(RefreshStage.CML_INFORMATION);

        private Instant lastHeartbeat;
        private Duration cadenceAtLastHeartbeat;
        private Instant transitionalSince;
        private Instant endpointlessSince;
        private String endpointlessCause;
        private LifecycleActionRequested lastStopRequest;
        private Instant lastStopRequestAt;

        Run(TimeWindow window) {
            this.window = window;
        }

        void accept(RecordedEvent recorded) {
            Instant at = recorded.at();
            boolean inWindow = window.contains(at);
            WorkerStatus statusBefore = state.status();
            state.apply(recorded.event());

            if (recorded.event() instanceof WorkerCreated) {
                lastHeartbeat = at; // monitoring starts with the worker: the first refresh is due one cadence later
                cadenceAtLastHeartbeat = cadence(state);
            } else if (recorded.event() instanceof RefreshCompleted refresh) {
                heartbeat(at);
                if (inWindow) {
                    health.accept(refresh, at);
                    cml.accept(refresh, at);
                }
            } else if (recorded.event() instanceof StatusChanged e) {
                statusChanged(e, statusBefore, at, inWindow);
            } else if (recorded.event() instanceof ServiceHealthEvaluated e) {
                if (inWindow && e.previousStatus() != e.newStatus()) {
                    serviceChanges.add(new Change(at, e.previousStatus() + " → " + e.newStatus()));
                }
            } else if (recorded.event() instanceof ServiceMarkedUnavailable e) {
                if (inWindow && e.previousStatus() != CmlServiceStatus.UNAVAILABLE) {
                    serviceChanges.add(new Change(at, e.previousStatus() + " → UNAVAILABLE"));
                }
            } else if (recorded.event() instanceof LifecycleActionRequested e) {
                if (e.action() == LifecycleAction.STOP || e.action() == LifecycleAction.TERMINATE) {
                    lastStopRequest = e;
                    lastStopRequestAt = at;
                }
            } else if (recorded.event() instanceof EndpointPopulated e) {
                if (inWindow) {
                    endpointChanges.add(new EndpointChange(at, "populated", e.endpoint(), e.source(), e.setBy()));
                }
            } else if (recorded.event() instanceof EndpointCleared e) {
                if (inWindow) {
                    endpointChanges.add(new EndpointChange(at, "cleared", e.previousEndpoint(), e.previousSource(),
                            e.reason()));
                }
            } else if (recorded.event() instanceof RefreshFailed e) {
                if (inWindow) {
                    failures.computeIfAbsent(e.stage(), s -> new ArrayList<>()).add(e);
                }
            } else if (recorded.event() instanceof WorkerTerminated) {
                lastHeartbeat = null; // monitoring ends with the worker: silence afterwards is no gap
            }
            followEndpointless(at);
        }

        private void heartbeat(Instant at) {
            if (lastHeartbeat != null && !state.isTerminated()) {
                Duration silence = Duration.between(lastHeartbeat, at);
                if (silence.compareTo(cadenceAtLastHeartbeat.multipliedBy(2)) > 0 && overlaps(lastHeartbeat, at)) {
                    gaps.add(new MonitoringGap(lastHeartbeat, at, silence, cadenceAtLastHeartbeat, false));
                }
            }
            lastHeartbeat = at;
            cadenceAtLastHeartbeat = cadence(state);
        }

        private void statusChanged(StatusChanged e, WorkerStatus before, Instant at, boolean inWindow) {
            if (inWindow) {
                statusChanges.add(new Change(at, e.from() + " → " + e.to()));
            }
            if (transitionalSince != null) {
                Duration held = Duration.between(transitionalSince, at);
                if (held.compareTo(settings.stuckAfter()) > 0 && overlaps(transitionalSince, at)) {
                    stuck.add(new StuckState(before, transitionalSince, at, held, false));
                }
                transitionalSince = null;
            }
            if (e.to().isTransitional()) {
                transitionalSince = at;
            }
            // A stop begins when the worker goes down from an up state; STOPPING → STOPPED continues the same stop.
            // A null ec2State is cmlfleet itself marking the worker terminated, which is no outside stop.
            boolean stopBegins = DOWN.contains(e.to()) && !DOWN.contains(e.from()) && e.ec2State() != null;
            boolean terminateBegins = e.to() == WorkerStatus.TERMINATED && e.from() == WorkerStatus.STOPPED
                    && e.ec2State() != null;
            if (inWindow && (stopBegins || terminateBegins)) {
                boolean requested = lastStopRequestAt != null && !lastStopRequestAt.isAfter(at)
                        && Duration.between(lastStopRequestAt, at).compareTo(settings.requestedStopWindow()) <= 0
                        && (stopBegins || lastStopRequest.action() == LifecycleAction.TERMINATE);
                if (!requested) {
                    outsideStops.add(new OutsideStop(at, e.from(), e.to(), e.ec2State(),
                            lastStopRequest == null ? null : describer.lifecycleActionRequested(lastStopRequest)
                                    + " at " + lastStopRequestAt));
                }
            }
        }

        private void followEndpointless(Instant at) {
            boolean endpointless = state.status() == WorkerStatus.RUNNING && state.endpoint() == null
                    && !state.isTerminated();
            if (endpointless && endpointlessSince == null) {
                endpointlessSince = at;
                endpointlessCause = state.publicIp() == null ? "no public IP"
                        : "public IP " + state.publicIp() + " but no endpoint";
            } else if (!endpointless && endpointlessSince != null) {
                closeEndpointless(at, false);
            }
        }

        private void closeEndpointless(Instant until, boolean ongoing) {
            Duration duration = Duration.between(endpointlessSince, until);
            // Shorter than one fast refresh is the normal boot (RUNNING and endpoint in the same observation).
            if (duration.compareTo(settings.fastCadence()) > 0 && overlaps(endpointlessSince, until)) {
                endpointless.add(new EndpointlessRun(endpointlessSince, until, duration, endpointlessCause, ongoing));
            }
            endpointlessSince = null;
            endpointlessCause = null;
        }

        void finish(Instant end) {
            if (end == null) {
                return;
            }
            if (lastHeartbeat != null && !state.isTerminated()) {
                Duration silence = Duration.between(lastHeartbeat, end);
                if (silence.compareTo(cadenceAtLastHeartbeat.multipliedBy(2)) > 0 && overlaps(lastHeartbeat, end)) {
                    gaps.add(new MonitoringGap(lastHeartbeat, end, silence, cadenceAtLastHeartbeat, true));
                }
            }
            if (transitionalSince != null) {
                Duration held = Duration.between(transitionalSince, end);
                if (held.compareTo(settings.stuckAfter()) > 0 && overlaps(transitionalSince, end)) {
                    stuck.add(new StuckState(state.status(), transitionalSince, end, held, true));
                }
            }
            if (endpointlessSince != null) {
                closeEndpointless(end, true);
            }
        }

        private boolean overlaps(Instant start, Instant end) {
            return (window.to() == null || start.isBefore(window.to()))
                    && (window.from() == null || !end.isBefore(window.from()));
        }

        List<StageFailures> failureList() {
            List<StageFailures> list = new ArrayList<>();
            failures.forEach((stage, events) -> {
                RefreshFailed last = events.get(events.size() - 1);
                int retryable = (int) events.stream().filter(RefreshFailed::retryable).count();
                list.add(new StageFailures(stage, events.size(), retryable, events.get(0).failedAt(),
                        last.failedAt(), last.errorCode(), last.message()));
            });
            return list;
        }
    }
}
