package io.cmlfleet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The work stopped before Axon stops at the same time, in one shutdown wait: here each of two stops waits until the
 * other one has begun, which they only both get to when Spring runs them side by side.
 */
class StopBeforeAxonTest {

    @Test
    void theStopsOfOnePhaseWaitAtTheSameTime() {
        CountDownLatch begun = new CountDownLatch(2);
        AtomicBoolean bothBegun = new AtomicBoolean(true);
        Runnable stop = () -> {
            begun.countDown();
            try {
                bothBegun.compareAndSet(true, begun.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("refreshes", StopBeforeAxon.class, () -> new StopBeforeAxon(stop));
        context.registerBean("labListing", StopBeforeAxon.class, () -> new StopBeforeAxon(stop));
        context.refresh();

        context.close();

        assertThat(begun.getCount()).as("stops not begun").isZero();
        assertThat(bothBegun).as("each stop saw the other begin").isTrue();
    }
}
