package io.cmlfleet.application.messaging;

import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

/**
 * The metadata that ties every event of one refresh (or one operator command) together. The pipeline puts these keys
 * on each command it sends; {@link #correlationDataProvider()} copies them onto the events those commands cause, and
 * the logging MDC carries the same values, so a log line and an event can be matched by correlation id.
 */
public final class RefreshCorrelation {

    /** Id of the refresh or operator action that caused the message. */
    public static final String CORRELATION_ID = "cmlfleet.correlationId";
    /** Who or what issued it: {@code monitoring}, an operator's name, a policy. */
    public static final String ISSUED_BY = "cmlfleet.issuedBy";
    /** MDC key with the worker id, set while a worker is being refreshed. */
    public static final String WORKER_ID = "cmlfleet.workerId";

    private RefreshCorrelation() {
    }

    public static MetaData metaData(String correlationId, String issuedBy) {
        return MetaData.from(Map.of(CORRELATION_ID, correlationId, ISSUED_BY, issuedBy));
    }

    /** Register with Axon so that events carry the correlation id and issuer of the command that caused them. */
    public static CorrelationDataProvider correlationDataProvider() {
        return new SimpleCorrelationDataProvider(List.of(CORRELATION_ID, ISSUED_BY).toArray(String[]::new));
    }
}
