package io.cmlfleet.bootstrap.observability;

import io.cmlfleet.application.refresh.RefreshExecutor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@value #SLOW_CONTROLLERS}: workers whose CML controller is slow at the moment, whose refreshes wait in the slow
 * controller lane (a count kept in memory by the refresh executor of this node).
 */
class SlowControllersMeterBinder implements MeterBinder {

    static final String SLOW_CONTROLLERS = "cmlfleet.refresh.slow-controllers";

    private final RefreshExecutor executor;

    SlowControllersMeterBinder(RefreshExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(SLOW_CONTROLLERS, executor, RefreshExecutor::slowControllers)
                .description("Workers whose CML controller is slow now; their refreshes wait in the slow lane")
                .register(registry);
    }
}
