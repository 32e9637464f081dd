package io.cmlfleet.bootstrap.observability;

import io.cmlfleet.application.refresh.RefreshOutcome;
import io.cmlfleet.application.refresh.RefreshWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Times the handling of every {@code RefreshWorker} as {@value #REFRESH_DURATION}, tagged with the trigger and the
 * result: {@code performed}, {@code skipped} (held back by the refresh guard) or {@code failed}. An interceptor on
 * the command bus rather than a wrapper of the handler: the host may replace the handler bean.
 */
class RefreshTimingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String REFRESH_DURATION = "cmlfleet.refresh.duration";

    private final MeterRegistry registry;

    RefreshTimingInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!(unitOfWork.getMessage().getPayload() instanceof RefreshWorker refresh)) {
            return interceptorChain.proceed();
        }
        Timer.Sample sample = Timer.start(registry);
        String result = "failed";
        try {
            Object answer = interceptorChain.proceed();
            if (answer instanceof RefreshOutcome outcome) {
                result = outcome.performed() ? "performed" : "skipped";
            }
            return answer;
        } finally {
            sample.stop(Timer.builder(REFRESH_DURATION)
                    .description("Time to refresh one worker (EC2, health check, CML API, telemetry)")
                    .tag("trigger", refresh.trigger() == null ? "unknown" : refresh.trigger().name())
                    .tag("result", result)
                    .register(registry));
        }
    }
}
