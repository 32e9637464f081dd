package io.cmlfleet.bootstrap;

import io.cmlfleet.application.refresh.RefreshExecutor;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.context.SmartLifecycle;

/**
 * Stops the refresh executor before Axon stops. Refreshes in flight send their commands until they end; stopped as a
 * bean's destroy method, after Axon's shutdown, they met unsubscribed command handlers ({@code NoHandlerForCommand})
 * instead. Spring stops higher phases first: this one comes after the web server has stopped taking requests and
 * before Axon's configuration ({@link SpringAxonConfiguration#LIFECYCLE_PHASE}).
 */
final class RefreshExecutorShutdown implements SmartLifecycle {

    static final int PHASE = SpringAxonConfiguration.LIFECYCLE_PHASE + 512;

    private final RefreshExecutor executor;
    private volatile boolean running;

    RefreshExecutorShutdown(RefreshExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        executor.close();
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
