package io.cmlfleet.bootstrap;

import io.cmlfleet.application.concurrent.DaemonThreads;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.context.SmartLifecycle;

/**
 * Stops work that sends commands or holds the deadline scheduler before Axon stops. Spring stops higher phases
 * first: this one comes after the web server has stopped taking requests and before Axon's configuration
 * ({@link SpringAxonConfiguration#LIFECYCLE_PHASE}), whose shutdown stops the deadline scheduler.
 * <ul>
 *   <li>The refresh executor: refreshes in flight send their commands until they end; closed as a bean's destroy
 *       method, after Axon's shutdown, they met unsubscribed command handlers ({@code NoHandlerForCommand}).</li>
 *   <li>The lab listing round: it ends after the worker it is listing, and the scheduler completes it normally. A
 *       round over a large fleet outlasted the scheduler's shutdown wait, was interrupted in the middle of its JDBC
 *       work, and the interrupt closed the embedded H2 store's file (seen at 10,000 workers).</li>
 * </ul>
 * Each stops in a thread of its own, so that they wait for their work at the same time: stopping takes the longest
 * of their waits ({@code cmlfleet.refresh.shutdown-wait}), not their sum. Spring waits for the phase up to
 * {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s in Spring Boot) before it stops Axon.
 */
final class StopBeforeAxon implements SmartLifecycle {

    static final int PHASE = SpringAxonConfiguration.LIFECYCLE_PHASE + 512;

    private final Runnable stop;
    private volatile boolean running;

    StopBeforeAxon(Runnable stop) {
        this.stop = stop;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stop.run();
    }

    @Override
    public void stop(Runnable stopped) {
        running = false;
        DaemonThreads.named("cmlfleet-stopping").newThread(() -> {
            try {
                stop.run();
            } finally {
                stopped.run();
            }
        }).start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
