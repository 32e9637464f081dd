package io.cmlfleet.application.readmodel;

import static io.cmlfleet.application.readmodel.FleetStreams.at;
import static io.cmlfleet.application.readmodel.FleetStreams.created;
import static io.cmlfleet.application.readmodel.FleetStreams.telemetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.operations.DeadLetterRetry;
import io.cmlfleet.application.operations.RetryOutcome;
import io.cmlfleet.application.operations.UnknownDeadLetterSequenceException;
import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import io.cmlfleet.application.readmodel.deadletter.DeadLetteredSequence;
import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.cmlfleet.application.readmodel.query.TelemetryHistory;
import io.cmlfleet.application.readmodel.query.TelemetryPoint;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker whose dead-letter sequence is full never stops a projection for the others (issue #10): with Axon's
 * queue as it is, the first event beyond the bound throws {@code DeadLetterQueueOverflowException} and the tracking
 * processor retries that batch forever, so {@code awaitCaughtUp} fails with the processor in error.
 */
class DeadLetterOverflowTest {

    private static final int BOUND = 3;

    private ProjectionHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void eventsBeyondAFullSequenceAreSkippedAndCountedWhileOtherWorkersFlow() {
        harness = new ProjectionHarness(BOUND);
        List<WorkerEvent> events = new ArrayList<>(List.of(
                created("worker-1", "one", "eu-west-1", "i-00000001", 0),
                created("worker-2", "two", "eu-west-1", "i-00000002", 0),
                // Poison: no sample time violates the NOT NULL key of the time series.
                new TelemetryUpdated("worker-1", 10.0, 20.0, null, 300)));
        // Twice the bound of later samples for worker-1, interleaved with worker-2's.
        for (int i = 1; i <= 2 * BOUND; i++) {
            events.add(telemetry("worker-1", 30.0 + i, 40.0, 300 + 60L * i));
            events.add(telemetry("worker-2", 50.0 + i, 60.0, 300 + 60L * i));
        }
        harness.publishAll(events);
        harness.awaitCaughtUp();

        // worker-2 took every sample although worker-1's sequence overflowed long before.
        assertThat(history("worker-2").points()).hasSize(2 * BOUND);
        DeadLetteredSequence parked = store().sequence(ProcessingGroups.TELEMETRY_HISTORY, "worker-1").orElseThrow();
        assertThat(parked.deadLetters()).isEqualTo(BOUND);
        // The poison and the first BOUND - 1 samples are parked; the other BOUND + 1 samples were skipped.
        assertThat(parked.skippedEvents()).isEqualTo(BOUND + 1);
        assertThat(parked.causeMessage()).isNotBlank();
        assertThat(parked.firstEnqueuedAt()).isNotNull();
        assertThat(parked.lastEnqueuedAt()).isAfterOrEqualTo(parked.firstEnqueuedAt());

        // The worker's summary says that its read model is stale, and why; worker-2's does not.
        WorkerSummary one = summary("worker-1");
        assertThat(one.stale()).isTrue();
        assertThat(one.deadLetters()).extracting(DeadLetteredSequence::processingGroup)
                .containsExactly(ProcessingGroups.TELEMETRY_HISTORY);
        assertThat(summary("worker-2").stale()).isFalse();
        assertThat(summary("worker-2").deadLetters()).isEmpty();
        assertThat(store().sequencesPerGroup(ProcessingGroups.ALL)).containsEntry(
                ProcessingGroups.TELEMETRY_HISTORY, 1L).containsEntry(ProcessingGroups.WORKER_SUMMARY, 0L);
    }

    @Test
    void aRetryAfterTheCauseIsFixedAppliesTheParkedEventsAndReportsTheSkippedOnes() {
        harness = new ProjectionHarness(BOUND);
        harness.publish(
                created("worker-1", "one", "eu-west-1", "i-00000001", 0),
                telemetry("worker-1", 1.0, 2.0, 60));
        harness.awaitCaughtUp();
        // A cause outside the events that an operator can fix: a constraint the samples violate.
        harness.jdbc().execute("ALTER TABLE worker_telemetry_sample ADD CONSTRAINT poison CHECK (cpu_percent < 50)");
        harness.publish(telemetry("worker-1", 70.0, 2.0, 120), telemetry("worker-1", 80.0, 2.0, 180));
        harness.awaitCaughtUp();
        assertThat(store().sequence(ProcessingGroups.TELEMETRY_HISTORY, "worker-1")).isPresent();

        DeadLetterRetry retry = new DeadLetterRetry(
                harness.eventProcessingConfiguration()::sequencedDeadLetterProcessor, store());
        RetryOutcome stillBroken = retry.retry(ProcessingGroups.TELEMETRY_HISTORY, "worker-1");
        assertThat(stillBroken.resolved()).isFalse();
        assertThat(stillBroken.remaining().deadLetters()).isEqualTo(2);
        assertThat(stillBroken.remaining().causeMessage()).containsIgnoringCase("POISON");

        harness.jdbc().execute("ALTER TABLE worker_telemetry_sample DROP CONSTRAINT poison");
        RetryOutcome fixed = retry.retry(ProcessingGroups.TELEMETRY_HISTORY, "worker-1");
        assertThat(fixed.resolved()).isTrue();
        assertThat(fixed.handled()).isEqualTo(2);
        assertThat(fixed.rebuildNeeded()).isFalse();
        assertThat(history("worker-1").points()).extracting(TelemetryPoint::sampledAt)
                .containsExactly(at(60), at(120), at(180));
        assertThat(summary("worker-1").stale()).isFalse();

        assertThatThrownBy(() -> retry.retry(ProcessingGroups.TELEMETRY_HISTORY, "worker-1"))
                .isInstanceOf(UnknownDeadLetterSequenceException.class)
                .hasMessageContaining("worker-1").hasMessageContaining(ProcessingGroups.TELEMETRY_HISTORY);
    }

    @Test
    void evictingDropsTheSequenceAndTheWorkersLaterEventsFlowAgain() {
        harness = new ProjectionHarness(BOUND);
        harness.publish(
                created("worker-1", "one", "eu-west-1", "i-00000001", 0),
                new TelemetryUpdated("worker-1", 10.0, 20.0, null, 300),
                telemetry("worker-1", 30.0, 40.0, 360));
        harness.awaitCaughtUp();

        assertThat(store().evict(ProcessingGroups.TELEMETRY_HISTORY, "worker-1")).isEqualTo(2);
        harness.publish(telemetry("worker-1", 31.0, 41.0, 420));
        harness.awaitCaughtUp();

        assertThat(store().sequences()).isEmpty();
        assertThat(history("worker-1").points()).extracting(TelemetryPoint::sampledAt).containsExactly(at(420));
        assertThat(summary("worker-1").stale()).isFalse();
    }

    private DeadLetterStore store() {
        return new DeadLetterStore(harness.jdbc());
    }

    private WorkerSummary summary(String workerId) {
        return harness.summary(workerId);
    }

    private TelemetryHistory history(String workerId) {
        return harness.firstHourOfTelemetry(workerId);
    }
}
