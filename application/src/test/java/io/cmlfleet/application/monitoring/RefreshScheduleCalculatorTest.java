package io.cmlfleet.application.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefreshScheduleCalculatorTest {

    private static final Instant FIVE_MINUTE_BOUNDARY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration FAST = Duration.ofSeconds(30);
    private static final Duration NORMAL = Duration.ofSeconds(300);

    private final RefreshScheduleCalculator calculator = new RefreshScheduleCalculator(10, Duration.ofSeconds(1));

    /**
     * A deadline that fires late keeps its worker on the grid: with a 2 s interval and the 1 s minimum delay, one
     * that fired 1.2 s late used to be followed by the slot after next (an interval without refresh).
     */
    @Test
    void aLateDeadlineIsFollowedByTheNextSlotOfTheGridUnlessThatHasPassedToo() {
        RefreshScheduleCalculator unspread = new RefreshScheduleCalculator(1, Duration.ofSeconds(1));
        Duration interval = Duration.ofSeconds(2);
        Instant due = Instant.parse("2026-12-02T04:00:00Z");

        assertThat(unspread.nextRefreshAfter("w", interval, due, due.plusMillis(1200))).isEqualTo(due.plusSeconds(2));
        assertThat(unspread.nextRefreshAt("w", interval, due.plusMillis(1200))).as("what now alone gives")
                .isEqualTo(due.plusSeconds(4));
        assertThat(unspread.nextRefreshAfter("w", interval, due, due.plusMillis(50))).isEqualTo(due.plusSeconds(2));
        assertThat(unspread.nextRefreshAfter("w", interval, due, due.plusSeconds(7)))
                .as("after downtime: the first slot at least the minimum delay away").isEqualTo(due.plusSeconds(8));
        assertThat(unspread.nextRefreshAfter("w", interval, null, due)).isEqualTo(due.plusSeconds(2));
    }

    @Test
    void slotsComeFromTheCrc32OfTheWorkerIdSoTheyAreStableAcrossNodesAndRestarts() {
        // Pinned values: a change of hash function would move every worker of a running fleet to a new phase.
        assertThat(calculator.slotOf("worker-a")).isEqualTo(2);
        assertThat(calculator.slotOf("worker-b")).isEqualTo(6);
        assertThat(calculator.slotOf("worker-d")).isEqualTo(3);
        assertThat(calculator.slotOf("alpha")).isEqualTo(0);
        assertThat(new RefreshScheduleCalculator(10, Duration.ZERO).slotOf("worker-b")).isEqualTo(6);
    }

    @Test
    void thePhaseIsTheSlotTimesTheSlotWidth() {
        assertThat(calculator.phaseOf("worker-b", FAST)).isEqualTo(Duration.ofSeconds(18));
        assertThat(calculator.phaseOf("worker-b", NORMAL)).isEqualTo(Duration.ofSeconds(180));
        assertThat(calculator.phaseOf("alpha", NORMAL)).isEqualTo(Duration.ZERO);
    }

    @Test
    void theNextRefreshIsTheWorkersNextGridPoint() {
        assertThat(calculator.nextRefreshAt("worker-b", FAST, FIVE_MINUTE_BOUNDARY))
                .isEqualTo(FIVE_MINUTE_BOUNDARY.plusSeconds(18));
        assertThat(calculator.nextRefreshAt("worker-b", FAST, FIVE_MINUTE_BOUNDARY.plusSeconds(20)))
                .isEqualTo(FIVE_MINUTE_BOUNDARY.plusSeconds(48));
        assertThat(calculator.nextRefreshAt("worker-b", NORMAL, FIVE_MINUTE_BOUNDARY.plusSeconds(200)))
                .isEqualTo(FIVE_MINUTE_BOUNDARY.plusSeconds(480));
    }

    @Test
    void theNextRefreshIsAtLeastTheMinimumDelayAway() {
        // At the grid point itself, the next one is a whole interval later, not "now".
        assertThat(calculator.nextRefreshAt("worker-b", FAST, FIVE_MINUTE_BOUNDARY.plusSeconds(18)))
                .isEqualTo(FIVE_MINUTE_BOUNDARY.plusSeconds(48));
        // Half a second before it is closer than the minimum delay of one second.
        assertThat(calculator.nextRefreshAt("worker-b", FAST, FIVE_MINUTE_BOUNDARY.plusMillis(17_500)))
                .isEqualTo(FIVE_MINUTE_BOUNDARY.plusSeconds(48));
        // Exactly one second before it is allowed.
        assertThat(calculator.nextRefreshAt("worker-b", FAST, FIVE_MINUTE_BOUNDARY.plusSeconds(17)))
                .isEqualTo(FIVE_MINUTE_BOUNDARY.plusSeconds(18));
    }

    @Test
    void theWaitNeverExceedsTheIntervalPlusTheMinimumDelay() {
        Instant start = Instant.parse("2026-03-14T15:09:26.535Z");
        for (int step = 0; step < 2_000; step++) {
            Instant now = start.plusMillis(step * 997L);
            for (String worker : new String[] {"worker-a", "worker-b", "alpha", "bravo"}) {
                Instant next = calculator.nextRefreshAt(worker, FAST, now);
                assertThat(Duration.between(now, next))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                        .isLessThanOrEqualTo(FAST.plusSeconds(1));
            }
        }
    }

    @Test
    void aLargeFleetIsSpreadOverEverySlotRoughlyEvenly() {
        Map<Integer, Integer> workersPerSlot = new HashMap<>();
        IntStream.range(0, 10_000).forEach(i -> workersPerSlot.merge(calculator.slotOf("worker-" + i), 1, Integer::sum));

        assertThat(workersPerSlot).hasSize(10);
        assertThat(workersPerSlot.values()).allSatisfy(count -> assertThat(count).isBetween(800, 1200));
    }

    @Test
    void workersInTheSameSlotAreDueAtTheSameInstantWhateverTheirOwnNow() {
        // worker-a and worker-c share slot 2: scheduled at different moments, they still land on the same instant.
        Instant a = calculator.nextRefreshAt("worker-a", FAST, FIVE_MINUTE_BOUNDARY.plusMillis(1_234));
        Instant c = calculator.nextRefreshAt("worker-c", FAST, FIVE_MINUTE_BOUNDARY.plusMillis(4_321));
        assertThat(a).isEqualTo(c).isEqualTo(FIVE_MINUTE_BOUNDARY.plusSeconds(6));
    }

    @Test
    void oneSlotMeansNoSpreading() {
        RefreshScheduleCalculator unspread = new RefreshScheduleCalculator(1, Duration.ZERO);
        assertThat(unspread.nextRefreshAt("worker-a", FAST, FIVE_MINUTE_BOUNDARY.plusSeconds(7)))
                .isEqualTo(unspread.nextRefreshAt("worker-b", FAST, FIVE_MINUTE_BOUNDARY.plusSeconds(7)))
                .isEqualTo(FIVE_MINUTE_BOUNDARY.plusSeconds(30));
    }

    @Test
    void theSameInputsAlwaysGiveTheSameAnswer() {
        RefreshScheduleCalculator other = RefreshScheduleCalculator.from(
                new MonitoringSettings(FAST, NORMAL, 10, Duration.ofSeconds(1)));
        Instant now = Instant.parse("2026-07-01T12:34:56.789Z");
        assertThat(other.nextRefreshAt("bravo", NORMAL, now)).isEqualTo(calculator.nextRefreshAt("bravo", NORMAL, now));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> new RefreshScheduleCalculator(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshScheduleCalculator(3, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calculator.nextRefreshAt("worker-a", Duration.ZERO, FIVE_MINUTE_BOUNDARY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
