package io.cmlfleet.application.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.forensics.ForensicsSettings;
import io.cmlfleet.application.forensics.TimelineEntry;
import io.cmlfleet.application.forensics.WorkerForensics;
import io.cmlfleet.application.forensics.WorkerTimeline;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forensics over a history written by the real aggregate and the real refresh pipeline (commands through the
 * command gateway, correlation metadata from the pipeline), with the clock moved by hand.
 */
class ForensicsOnRealAggregateTest {

    private RefreshTestApp app;
    private Clock axonClock;

    @BeforeEach
    void start() {
        app = new RefreshTestApp();
        // Event message timestamps come from Axon's clock: follow the test clock so that durations are exact.
        axonClock = GenericEventMessage.clock;
        GenericEventMessage.clock = app.clock;
    }

    @AfterEach
    void stop() {
        GenericEventMessage.clock = axonClock;
        app.close();
    }

    @Test
    void aWorkerWithoutPublicIpIsExplainedFromTheRecordedHistory() {
        WorkerRef worker = app.register("w-real", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, null);
        for (int i = 0; i < 10; i++) {
            app.clock.advance(Duration.ofSeconds(30));
            app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");
        }

        WorkerForensics forensics = new WorkerForensics(app.axon.eventStore(), ForensicsSettings.defaults());
        Findings findings = forensics.findings("w-real", TimeWindow.all());
        WorkerTimeline timeline = forensics.timeline("w-real", TimeWindow.all(), List.of("StatusChanged",
                "RefreshCompleted"));

        assertThat(findings.causes()).anySatisfy(cause -> assertThat(cause)
                .startsWith("CML API never queried in 10 refreshes: worker has no HTTPS endpoint"));
        assertThat(findings.causes()).anySatisfy(cause -> assertThat(cause)
                .contains("RUNNING without an HTTPS endpoint for 4m 30s").contains("no public IP"));
        assertThat(timeline.entries()).hasSize(11);
        TimelineEntry firstRefresh = timeline.entries().get(1);
        assertThat(timeline.entries().get(0).description()).isEqualTo("UNKNOWN → RUNNING (ec2: running)");
        assertThat(timeline.entries().get(0).correlationId()).isEqualTo(firstRefresh.correlationId()).isNotNull();
        assertThat(firstRefresh.issuedBy()).isEqualTo("monitoring");
        assertThat(firstRefresh.description()).contains(
                "CML query skipped: worker has no HTTPS endpoint; CML service is UNAVAILABLE, not AVAILABLE");
        // Every refresh has its own correlation id.
        assertThat(timeline.entries().stream().skip(1).map(TimelineEntry::correlationId).distinct()).hasSize(10);
        // WorkerCreated was sent without cmlfleet metadata: Axon's own correlation id stands in.
        assertThat(forensics.timeline("w-real", TimeWindow.all(), List.of("WorkerCreated")).entries())
                .singleElement().satisfies(created -> assertThat(created.correlationId()).isNotBlank());
    }
}
