package io.cmlfleet.application.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.forensics.finding.Finding;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.rendering.TimelineFormat;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

/**
 * On Axon Server the query bus serializes answers with the message serializer ({@link CmlfleetSerializer}); locally
 * they never leave the JVM. Every forensic answer must therefore read back as it was written, findings of every kind
 * included (a {@code Finding} is an interface: without its kind named in the JSON, the HTTP findings endpoint failed
 * with 500 against a real Axon Server).
 */
class ForensicsAnswersAsMessagesTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final Duration FAST = Duration.ofSeconds(30);

    @Test
    void findingsOfManyKindsReadBackAsWritten() {
        History history = new History("w-1", T0).created().after(FAST).status(WorkerStatus.PENDING)
                .refreshes(41, FAST).status(WorkerStatus.RUNNING).addresses("3.120.5.9", null)
                .health(CmlServiceStatus.AVAILABLE, null).refreshes(2, FAST).after(Duration.ofMinutes(20))
                .failure(RefreshStage.TELEMETRY, "Throttling", "slow down").refresh()
                .status(WorkerStatus.STOPPED).refresh();
        Findings findings = new FindingsAnalyzer(ForensicsSettings.defaults())
                .analyze("w-1", history.asRecordedEvents(), TimeWindow.all());
        assertThat(findings.all().stream().map(Finding::getClass).collect(Collectors.toSet())).hasSizeGreaterThan(4);

        assertThat(roundTrip(findings)).isEqualTo(findings);
        // The JSON lines keep their documented fields: the stop's request window is said in the cause sentence only.
        String lines = TimelineFormat.JSON_LINES.renderer().findings(findings);
        assertThat(lines).contains("\"kind\":\"stoppedOutside\"").doesNotContain("requestWindow");
        assertThat(findings.causes()).anySatisfy(cause -> assertThat(cause).contains("in the 10m before"));
    }

    @Test
    void timelinesAndStatesReadBackAsWritten() {
        History history = new History("w-1", T0).created().after(FAST).status(WorkerStatus.RUNNING)
                .addresses("3.120.5.9", null).health(CmlServiceStatus.AVAILABLE, null).refreshes(3, FAST);
        try (ForensicsTestStore store = new ForensicsTestStore()) {
            store.append(history);
            WorkerForensics forensics = store.forensics(ForensicsSettings.defaults());
            WorkerTimeline timeline = forensics.timeline("w-1", TimeWindow.all(), java.util.List.of());
            FleetTimeline fleet = forensics.fleetTimeline(new TimeWindow(T0, null), java.util.List.of(), 100);
            WorkerStateSnapshot state = forensics.stateAt("w-1", T0.plus(Duration.ofMinutes(1)));

            assertThat(roundTrip(timeline)).isEqualTo(timeline);
            assertThat(roundTrip(fleet)).isEqualTo(fleet);
            assertThat(roundTrip(state)).isEqualTo(state);
        }
    }

    private static <T> T roundTrip(T answer) {
        CmlfleetSerializer serializer = CmlfleetSerializer.create();
        SerializedObject<byte[]> bytes = serializer.serialize(answer, byte[].class);
        return serializer.deserialize(bytes);
    }
}
