package io.cmlfleet.application.forensics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.finding.LaunchToAvailable;
import io.cmlfleet.application.forensics.history.EventTypeNames;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@link FindingsAnalyzer} on hand-written histories, without a store. */
class FindingsAnalyzerTest {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    static final Duration FAST = Duration.ofSeconds(30);

    private final FindingsAnalyzer analyzer = new FindingsAnalyzer(ForensicsSettings.defaults());

    private Findings analyze(History history, TimeWindow window) {
        return analyzer.analyze("w-1", history.asRecordedEvents(), window);
    }

    @Test
    void aGapIsJudgedByTheCadenceInForceAtItsStart() {
        // RUNNING without AVAILABLE service: the fast cadence applies, so 2 minutes of silence is a gap.
        History fast = new History("w-1", T0).created().after(FAST).status(WorkerStatus.RUNNING)
                .addresses("3.120.5.9", null).refreshes(3, FAST).after(Duration.ofMinutes(2)).refresh();
        // The same silence while RUNNING+AVAILABLE (normal cadence, 5 minutes) is no gap.
        History normal = new History("w-1", T0).created().after(FAST).status(WorkerStatus.RUNNING)
                .addresses("3.120.5.9", null).health(CmlServiceStatus.AVAILABLE, null)
                .refreshes(3, FAST).after(Duration.ofMinutes(2)).refresh();

        assertThat(analyze(fast, TimeWindow.all()).monitoringGaps()).singleElement()
                .satisfies(gap -> assertThat(gap.expectedCadence()).isEqualTo(FAST));
        assertThat(analyze(normal, TimeWindow.all()).monitoringGaps()).isEmpty();
    }

    @Test
    void aWorkerStuckInPendingIsReportedWithStartAndDuration() {
        History history = new History("w-1", T0).created().after(FAST).status(WorkerStatus.PENDING)
                .refreshes(41, FAST).status(WorkerStatus.RUNNING).refresh();

        Findings findings = analyze(history, TimeWindow.all());

        assertThat(findings.stuckStates()).singleElement().satisfies(stuck -> {
            assertThat(stuck.status()).isEqualTo(WorkerStatus.PENDING);
            assertThat(stuck.since()).isEqualTo(T0.plus(FAST));
            assertThat(stuck.duration()).isEqualTo(Duration.ofMinutes(20));
            assertThat(stuck.ongoing()).isFalse();
        });
        assertThat(findings.causes()).contains("was stuck in PENDING for 20m since 2026-11-24T08:00:30Z until "
                + "2026-11-24T08:20:30Z");
    }

    @Test
    void launchToFirstAvailableIsMeasuredFromCreation() {
        History history = new History("w-1", T0).created().after(FAST).status(WorkerStatus.RUNNING)
                .addresses("3.120.5.9", null).refresh()
                .after(Duration.ofMinutes(4)).health(CmlServiceStatus.AVAILABLE, null).refresh();

        LaunchToAvailable launch = analyze(history, TimeWindow.all()).launchToAvailable();

        assertThat(launch.createdAt()).isEqualTo(T0);
        assertThat(launch.firstAvailableAt()).isEqualTo(T0.plus(Duration.ofMinutes(4)).plus(FAST));
        assertThat(launch.duration()).isEqualTo(Duration.ofMinutes(4).plus(FAST));
    }

    @Test
    void refreshFailuresAreCountedPerStageWithTheLastMessage() {
        History history = new History("w-1", T0).created().after(FAST).status(WorkerStatus.RUNNING)
                .failure(RefreshStage.TELEMETRY, "THROTTLED", "CloudWatch throttled").refresh().after(FAST)
                .failure(RefreshStage.TELEMETRY, "ACCESS_DENIED", "no cloudwatch:GetMetricData").refresh();

        Findings findings = analyze(history, TimeWindow.all());

        assertThat(findings.refreshFailures()).singleElement().satisfies(failures -> {
            assertThat(failures.stage()).isEqualTo(RefreshStage.TELEMETRY);
            assertThat(failures.count()).isEqualTo(2);
            assertThat(failures.retryable()).isEqualTo(1);
            assertThat(failures.lastErrorCode()).isEqualTo("ACCESS_DENIED");
            assertThat(failures.lastMessage()).isEqualTo("no cloudwatch:GetMetricData");
        });
    }

    @Test
    void onlyFindingsInTheWindowAreReportedButEarlierEventsGiveTheContext() {
        History history = new History("w-1", T0).created().after(FAST).status(WorkerStatus.RUNNING)
                .addresses("3.120.5.9", null).health(CmlServiceStatus.AVAILABLE, null)
                .refreshes(4, Duration.ofMinutes(5))
                .after(Duration.ofMinutes(30)).refreshes(4, Duration.ofMinutes(5));
        Instant afterGap = T0.plus(FAST).plus(Duration.ofMinutes(45)).plusSeconds(1); // just after the resume

        Findings inside = analyze(history, TimeWindow.between(afterGap, null));
        Findings before = analyze(history, TimeWindow.between(T0, T0.plus(Duration.ofMinutes(10))));

        assertThat(inside.monitoringGaps()).isEmpty();
        assertThat(inside.cmlQuery().refreshes()).isEqualTo(3);
        assertThat(inside.cmlQuery().ran()).isEqualTo(3); // AVAILABLE was learned before the window
        assertThat(before.monitoringGaps()).isEmpty();
        assertThat(analyze(history, TimeWindow.all()).monitoringGaps()).hasSize(1);
    }

    @Test
    void anUnknownTypeNameInAFilterIsRefusedRatherThanMatchingNothing() {
        assertThat(EventTypeNames.normalise(List.of("statuschanged", "cmlfleet.worker.RefreshFailed")))
                .containsExactly("StatusChanged", "RefreshFailed");
        assertThatThrownBy(() -> EventTypeNames.normalise(List.of("StatusChange")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown event type 'StatusChange'");
    }
}
