package io.cmlfleet.application.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A burst of requests that keeps coming for longer than one window still leaves as one batch (with a window counted
 * from the first request it left as two); a quiet window, the longest wait or a full batch ends it.
 */
class RefreshBatcherTest {

    private static final Duration WINDOW = Duration.ofMillis(400);

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final RefreshBatcher<Integer> batcher = new RefreshBatcher<>(WINDOW, 1_000,
            (region, batch) -> batches.add(batch));

    @Test
    void aBurstLongerThanTheWindowLeavesAsOneBatch() {
        // 16 requests 50 ms apart: 750 ms in all, nearly two windows, each gap an eighth of a window.
        for (int i = 0; i < 16; i++) {
            batcher.add("eu-west-1", i);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered() == 16);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(16);
    }

    @Test
    void regionsAndFullBatchesLeaveApart() {
        RefreshBatcher<Integer> small = new RefreshBatcher<>(WINDOW, 3, (region, batch) -> batches.add(batch));
        for (int i = 0; i < 4; i++) {
            small.add("eu-west-1", i);
        }
        small.add("us-east-1", 9);

        assertThat(batches).as("the full batch leaves at once").containsExactly(List.of(0, 1, 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 3);
        assertThat(batches).contains(List.of(3), List.of(9));
    }

    @Test
    void closingHandsBackWhatWaits() {
        batcher.add("eu-west-1", 1);
        batcher.add("us-east-1", 2);

        assertThat(batcher.closeAndDrain()).containsExactlyInAnyOrder(1, 2);
        assertThat(batches).isEmpty();
    }

    private int delivered() {
        synchronized (batches) {
            return batches.stream().mapToInt(List::size).sum();
        }
    }
}
