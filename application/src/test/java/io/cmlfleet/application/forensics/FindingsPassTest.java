package io.cmlfleet.application.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A findings pass written down after any event and resumed from there goes on exactly as the pass itself. */
class FindingsPassTest {

    private static final ForensicsSettings SETTINGS = ForensicsSettings.defaults();

    @Test
    void aPassResumedFromItsJsonAnswersAsThePassThatWentOn() {
        List<RecordedEvent> events = new History("w-1", Instant.parse("2026-11-24T08:00:00Z")).created()
                .status(WorkerStatus.RUNNING).addresses(null, "10.0.1.17").refreshes(4, Duration.ofSeconds(30))
                .addresses("3.120.5.9", "10.0.1.17").health(CmlServiceStatus.AVAILABLE, null)
                .health(CmlServiceStatus.UNAVAILABLE, "UNREACHABLE").health(CmlServiceStatus.AVAILABLE, null)
                .health(CmlServiceStatus.UNAVAILABLE, "UNREACHABLE").health(CmlServiceStatus.AVAILABLE, null)
                .failure(RefreshStage.TELEMETRY, "Throttling", "slow down").refresh()
                .lifecycle(LifecycleAction.STOP, "alice", "night").after(Duration.ofMinutes(20))
                .status(WorkerStatus.STOPPING).after(Duration.ofMinutes(30)).status(WorkerStatus.STOPPED)
                .after(Duration.ofHours(1)).status(WorkerStatus.PENDING).refresh().asRecordedEvents();
        for (int cut = 0; cut <= events.size(); cut++) {
            assertThat(resumedAt(events, cut)).as("cut after %d events", cut).isEqualTo(resumedAt(events, -1));
        }
    }

    /** The whole history's findings, the pass written down and resumed after {@code cut} events (-1: never). */
    private static Object resumedAt(List<RecordedEvent> events, int cut) {
        FindingsPass pass = new FindingsPass(SETTINGS, TimeWindow.all());
        WorkerState state = new WorkerState();
        for (int i = 0; i < events.size(); i++) {
            if (i == cut) {
                pass = FindingsPass.resume(pass.json(), SETTINGS, TimeWindow.all(), true).orElseThrow();
            }
            state.apply(events.get(i).event());
            pass.observe(events.get(i), state);
            pass.observeLaunch(events.get(i));
        }
        if (cut == events.size()) {
            pass = FindingsPass.resume(pass.json(), SETTINGS, TimeWindow.all(), true).orElseThrow();
        }
        return pass.findings("w-1", TimeWindow.all(), events.get(events.size() - 1).at(), state, pass.launch());
    }
}
