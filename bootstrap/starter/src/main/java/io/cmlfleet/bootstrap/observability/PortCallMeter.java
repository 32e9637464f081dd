package io.cmlfleet.bootstrap.observability;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Counts every call through a port as {@value #CALLS} by service, operation and outcome, and records its outcome
 * for the reachability health indicators. Asynchronous answers ({@code describe}) are counted when they complete.
 * Methods that belong to no port (toString, close...) pass through uncounted.
 */
class PortCallMeter implements MethodInterceptor {

    static final String CALLS = "cmlfleet.external.calls";

    private final Map<Class<?>, ExternalService> ports;
    private final Supplier<MeterRegistry> registry;
    private final Supplier<ExternalCallOutcomes> outcomes;

    PortCallMeter(Map<Class<?>, ExternalService> ports, Supplier<MeterRegistry> registry,
                  Supplier<ExternalCallOutcomes> outcomes) {
        this.ports = ports;
        this.registry = registry;
        this.outcomes = outcomes;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Method method = invocation.getMethod();
        ExternalService service = serviceOf(method);
        if (service == null) {
            return invocation.proceed();
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable failure) {
            recordFailure(service, method.getName(), failure, invocation.getArguments());
            throw failure;
        }
        if (result instanceof CompletableFuture<?> future) {
            future.whenComplete((value, failure) -> {
                if (failure == null) {
                    recordSuccess(service, method.getName());
                } else {
                    recordFailure(service, method.getName(), failure, invocation.getArguments());
                }
            });
        } else if (result instanceof CmlHealthReport report) {
            recordHealthCheck(method.getName(), report, invocation.getArguments());
        } else {
            recordSuccess(service, method.getName());
        }
        return result;
    }

    private ExternalService serviceOf(Method method) {
        for (Map.Entry<Class<?>, ExternalService> port : ports.entrySet()) {
            try {
                port.getKey().getMethod(method.getName(), method.getParameterTypes());
                return port.getValue();
            } catch (NoSuchMethodException notThisPort) {
                // try the next port
            }
        }
        return null;
    }

    private void recordSuccess(ExternalService service, String operation) {
        record(service, new CallOutcome(operation, CallOutcome.SUCCESS, true, outcomes.get().now(), null));
    }

    private void recordFailure(ExternalService service, String operation, Throwable failure, Object[] arguments) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String outcome;
        boolean reached;
        if (cause instanceof CloudAccessException cloud) {
            outcome = cloud.kind().name().toLowerCase(Locale.ROOT);
            reached = switch (cloud.kind()) {
                case UNREACHABLE, ACCESS_DENIED -> false;
                default -> true;
            };
        } else if (cause instanceof CmlAccessException cml) {
            outcome = cml.kind().name().toLowerCase(Locale.ROOT);
            reached = switch (cml.kind()) {
                case UNREACHABLE, TIMEOUT, TLS_FAILURE -> false;
                default -> true;
            };
        } else {
            outcome = "error";
            reached = false;
        }
        // Only the port's own exceptions carry messages fit to show; anything else is named by its type.
        String detail = cause instanceof CloudAccessException || cause instanceof CmlAccessException
                ? cause.getMessage() : cause.getClass().getSimpleName();
        CallOutcome result = new CallOutcome(operation, outcome, reached, outcomes.get().now(), detail);
        record(service, result);
        if (service == ExternalService.CML && arguments.length > 0 && arguments[0] instanceof CmlTarget target
                && !reached) {
            outcomes.get().recordHealthCheck(target.workerId(), result);
        }
    }

    private void recordHealthCheck(String operation, CmlHealthReport report, Object[] arguments) {
        String outcome = report.reachable() ? (report.valid() ? CallOutcome.SUCCESS : "invalid_health")
                : "unreachable";
        CallOutcome result = new CallOutcome(operation, outcome, report.reachable(), outcomes.get().now(),
                report.error());
        record(ExternalService.CML, result);
        if (arguments.length > 0 && arguments[0] instanceof CmlTarget target) {
            outcomes.get().recordHealthCheck(target.workerId(), result);
        }
    }

    private void record(ExternalService service, CallOutcome outcome) {
        outcomes.get().record(service, outcome);
        MeterRegistry meters = registry.get();
        if (meters != null) {
            meters.counter(CALLS, "service", service.tag(), "operation", outcome.operation(),
                    "outcome", outcome.outcome()).increment();
        }
    }
}
