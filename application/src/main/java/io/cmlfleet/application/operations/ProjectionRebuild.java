package io.cmlfleet.application.operations;

import io.cmlfleet.application.forensics.history.HumanDurations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The operator command "rebuild projection X": shut the group's streaming processor down, reset its tokens to the
 * start of the store, start it again, and report progress until it has caught up with the head of the store as it
 * was when the rebuild began. Events stored meanwhile are handled as usual after that.
 *
 * <p>Runs on the calling thread and polls the processor's own status ({@code processingStatus()}); the processor
 * itself replays on its own threads. A reset only works on the node that holds the group's segments, and with the
 * processor's handlers allowing a reset (the projections do: they clear their tables in {@code @ResetHandler}s).
 */
public final class ProjectionRebuild {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration timeout;

    /** Polls every 200 ms and gives up after one hour. */
    public ProjectionRebuild(EventProcessingConfiguration processing, EventStore eventStore) {
        this(processing, eventStore, Clock.systemUTC(), Duration.ofMillis(200), Duration.ofHours(1));
    }

    public ProjectionRebuild(EventProcessingConfiguration processing, EventStore eventStore, Clock clock,
                             Duration pollInterval, Duration timeout) {
        this.processing = Objects.requireNonNull(processing, "processing");
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @throws IllegalArgumentException when no streaming processor runs the group
     * @throws IllegalStateException    when the processor does not support a reset
     */
    public RebuildSummary rebuild(String processingGroup, Consumer<RebuildProgress> progress) {
        StreamingEventProcessor processor = processing
                .eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming event processor runs processing group '"
                        + processingGroup + "'"));
        if (!processor.supportsReset()) {
            throw new IllegalStateException("the processor of '" + processingGroup + "' does not support a reset");
        }
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        processor.shutDown();
        processor.resetTokens();
        long target = position(eventStore.createHeadToken());
        processor.start();

        long deadline = startNanos + timeout.toNanos();
        long position = -1;
        while (true) {
            // A copy: processingStatus() is a live view, and the position reported must be the one judged caught up.
            Map<Integer, EventTrackerStatus> status = Map.copyOf(processor.processingStatus());
            position = lowestPosition(status);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            progress.accept(new RebuildProgress(processingGroup, position, position(eventStore.createHeadToken()),
                    target, percent(position, target), rate(position, elapsed), elapsed));
            String error = status.values().stream().filter(EventTrackerStatus::isErrorState).findFirst()
                    .map(s -> "processor in error: " + s.getError().getClass().getSimpleName()).orElse(null);
            if (error != null) {
                return summary(processingGroup, startedAt, target, position, status.size(), false, startNanos, error);
            }
            if (caughtUp(status, target)) {
                return summary(processingGroup, startedAt, target, position, status.size(), true, startNanos, null);
            }
            if (System.nanoTime() > deadline) {
                return summary(processingGroup, startedAt, target, position, status.size(), false, startNanos,
                        "not caught up after " + HumanDurations.format(timeout));
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return summary(processingGroup, startedAt, target, position, status.size(), false, startNanos,
                        "interrupted");
            }
        }
    }

    /**
     * Every segment has reached the target; a replaying segment also has to pass the position it was reset at,
     * since Axon marks it replaying until then.
     */
    private static boolean caughtUp(Map<Integer, EventTrackerStatus> status, long target) {
        return !status.isEmpty() && status.values().stream().allMatch(s -> {
            long position = s.getCurrentPosition().orElse(-1);
            return position >= target && (!s.isReplaying() || position >= s.getResetPosition().orElse(-1));
        });
    }

    private static long lowestPosition(Map<Integer, EventTrackerStatus> status) {
        return status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private RebuildSummary summary(String group, Instant startedAt, long target, long position, int segments,
                                   boolean caughtUp, long startNanos, String error) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return new RebuildSummary(group, startedAt, startedAt.plus(elapsed), target, position, segments, caughtUp,
                rate(position, elapsed), elapsed, error);
    }

    private static double percent(long position, long target) {
        if (target < 0) {
            return 100.0; // an empty store: nothing to replay
        }
        return Math.max(0, Math.min(100.0, 100.0 * (position + 1) / (target + 1)));
    }

    /** Global positions start at 0, so a segment at position p has passed p + 1 positions since the reset. */
    private static double rate(long position, Duration elapsed) {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return Math.max(0, position + 1) / seconds;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
