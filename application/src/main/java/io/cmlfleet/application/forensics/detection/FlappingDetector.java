package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.FindingPhrasing;
import io.cmlfleet.application.forensics.finding.Flapping;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Episodes of at least {@code changes} changes of one dimension, each within {@code within} of the episode's first;
 * an episode goes on while changes keep coming within {@code within} of the previous one. One detector per
 * dimension: worker status ({@link #ofStatus}) and CML service status ({@link #ofService}).
 */
public final class FlappingDetector implements FindingDetector {

    /** A change of the dimension, for the episode it may belong to. */
    private record Change(Instant at, String transition) {
    }

    private final String dimension;
    private final Function<WorkerEvent, String> transitionOf;
    private final int changes;
    private final Duration within;
    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final List<Change> seen = new ArrayList<>();

    /**
     * @param dimension    the name a {@link Flapping} carries
     * @param transitionOf the change an event makes to the dimension, or {@code null} when it makes none
     */
    private FlappingDetector(String dimension, Function<WorkerEvent, String> transitionOf, int changes,
                             Duration within, TimeWindow window) {
        this.dimension = dimension;
        this.transitionOf = transitionOf;
        this.changes = changes;
        this.within = Objects.requireNonNull(within, "within");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** Flapping of the worker status: every {@code StatusChanged}. */
    public static FlappingDetector ofStatus(int changes, Duration within, TimeWindow window) {
        return new FlappingDetector("status", event -> event instanceof StatusChanged e
                ? FindingPhrasing.transition(e.from(), e.to()) : null, changes, within, window);
    }

    /** Flapping of the CML service: health checks that change the status, and being marked unavailable. */
    public static FlappingDetector ofService(int changes, Duration within, TimeWindow window) {
        return new FlappingDetector("service", FlappingDetector::serviceChange, changes, within, window);
    }

    private static String serviceChange(WorkerEvent event) {
        if (event instanceof ServiceHealthEvaluated e && e.previousStatus() != e.newStatus()) {
            return FindingPhrasing.transition(e.previousStatus(), e.newStatus());
        }
        if (event instanceof ServiceMarkedUnavailable e && e.previousStatus() != CmlServiceStatus.UNAVAILABLE) {
            return FindingPhrasing.transition(e.previousStatus(), CmlServiceStatus.UNAVAILABLE);
        }
        return null;
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (window.contains(recorded.at())) {
            String transition = transitionOf.apply(recorded.event());
            if (transition != null) {
                seen.add(new Change(recorded.at(), transition));
            }
        }
    }

    @Override
    public List<Flapping> finish(Instant end, WorkerState state) {
        List<Flapping> episodes = new ArrayList<>();
        int first = 0;
        while (first < seen.size()) {
            int last = extend(first, first, false);
            if (last - first + 1 >= changes) {
                last = extend(first, last, true);
                List<Change> episode = seen.subList(first, last + 1);
                episodes.add(new Flapping(dimension, episode.get(0).at(), episode.get(episode.size() - 1).at(),
                        episode.size(), episode.stream().map(Change::transition).toList()));
                first = last + 1;
            } else {
                first++;
            }
        }
        return episodes;
    }

    /**
     * Moves {@code last} on over the changes that come within {@code within} of their anchor: the episode's first
     * change, or, {@code rolling}, the change before each.
     */
    private int extend(int first, int last, boolean rolling) {
        while (last + 1 < seen.size() && !seen.get(last + 1).at()
                .isAfter(seen.get(rolling ? last : first).at().plus(within))) {
            last++;
        }
        return last;
    }
}
