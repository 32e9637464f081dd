package io.cmlfleet.application.readmodel;

import static io.cmlfleet.application.readmodel.FleetStreams.at;
import static io.cmlfleet.application.readmodel.FleetStreams.created;
import static io.cmlfleet.application.readmodel.FleetStreams.status;
import static io.cmlfleet.application.readmodel.FleetStreams.telemetry;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.cmlfleet.application.readmodel.query.TelemetryHistory;
import io.cmlfleet.application.readmodel.query.TelemetryPoint;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectionDeadLetterTest {

    private ProjectionHarness harness;

    @BeforeEach
    void start() {
        harness = new ProjectionHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void anEventForAWorkerNeverCreatedIsParkedAndLaterWorkersAreStillProjected() {
        harness.publish(
                created("worker-1", "one", "eu-west-1", "i-00000001", 0),
                // Poison: "ghost" has no WorkerCreated, so there is no row to update.
                status("ghost", WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, 10),
                status("worker-1", WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, 20),
                // Same sequence as the poison: parked behind it, so ghost's events stay in order.
                status("ghost", WorkerStatus.RUNNING, WorkerStatus.STOPPING, 30),
                created("worker-2", "two", "us-east-1", "i-00000002", 40),
                status("worker-2", WorkerStatus.UNKNOWN, WorkerStatus.PENDING, 50));
        harness.awaitCaughtUp();

        assertThat(summary("worker-1").status()).isEqualTo(WorkerStatus.RUNNING);
        assertThat(summary("worker-2").status()).isEqualTo(WorkerStatus.PENDING);

        SequencedDeadLetterQueue<EventMessage<?>> queue = harness.deadLetterQueue(ProcessingGroups.WORKER_SUMMARY);
        assertThat(queue.amountOfSequences()).isEqualTo(1);
        List<DeadLetter<? extends EventMessage<?>>> ghost = letters(queue, "ghost");
        assertThat(ghost).extracting(letter -> ((StatusChanged) letter.message().getPayload()).to())
                .containsExactly(WorkerStatus.RUNNING, WorkerStatus.STOPPING);
        assertThat(ghost.get(0).cause()).hasValueSatisfying(cause ->
                assertThat(cause.message()).contains("no row for worker 'ghost'"));
        // The fleet overview has the same rule and parks the same sequence in its own queue.
        assertThat(harness.deadLetterQueue(ProcessingGroups.FLEET_OVERVIEW).contains("ghost")).isTrue();
        // Nothing to do with telemetry: that projection is untouched.
        assertThat(harness.deadLetterQueue(ProcessingGroups.TELEMETRY_HISTORY).size()).isZero();
    }

    @Test
    void aFailingStatementIsParkedInTheDatabaseQueueAndOtherWorkersGoOn() {
        harness.publish(
                created("worker-1", "one", "eu-west-1", "i-00000001", 0),
                created("worker-2", "two", "eu-west-1", "i-00000002", 0),
                // Poison: no sample time violates the NOT NULL key of the time series.
                new TelemetryUpdated("worker-1", 10.0, 20.0, null, 300),
                telemetry("worker-2", 50.0, 60.0, 600),
                telemetry("worker-1", 30.0, 40.0, 900),
                telemetry("worker-2", 55.0, 65.0, 900));
        harness.awaitCaughtUp();

        assertThat(history("worker-2").points()).extracting(TelemetryPoint::sampledAt)
                .containsExactly(at(600), at(900));
        // worker-1's later sample waits behind its poisoned one, in order, instead of overtaking it.
        assertThat(history("worker-1").points()).isEmpty();
        // Parked in the JDBC table, in order; Axon numbers the sequence from 1.
        assertThat(harness.jdbc().queryForList("SELECT processingGroup, sequenceIdentifier, sequenceIndex FROM "
                + ProjectionTables.DEAD_LETTER + " ORDER BY sequenceIndex"))
                .extracting(row -> row.get("PROCESSINGGROUP") + "/" + row.get("SEQUENCEIDENTIFIER"))
                .containsExactly(ProcessingGroups.TELEMETRY_HISTORY + "/worker-1",
                        ProcessingGroups.TELEMETRY_HISTORY + "/worker-1");
        assertThat(letters(harness.deadLetterQueue(ProcessingGroups.TELEMETRY_HISTORY), "worker-1"))
                .extracting(letter -> ((TelemetryUpdated) letter.message().getPayload()).sampledAt())
                .containsExactly(null, at(900));
        // The summary does not need a sample time and took both samples.
        assertThat(summary("worker-1").cpuPercent()).isEqualTo(30.0);
    }

    private WorkerSummary summary(String workerId) {
        return harness.summary(workerId);
    }

    private TelemetryHistory history(String workerId) {
        return harness.firstHourOfTelemetry(workerId);
    }

    private static List<DeadLetter<? extends EventMessage<?>>> letters(
            SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence) {
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letters::add);
        return letters;
    }
}
