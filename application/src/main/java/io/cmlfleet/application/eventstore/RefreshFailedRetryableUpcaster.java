package io.cmlfleet.application.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.WorkerEventTypes;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code cmlfleet.worker.RefreshFailed} revision 1 → 2: adds {@code retryable}, derived from {@code errorCode} by
 * the rule the aggregate applies to new failures ({@link RefreshFailed#isRetryableErrorCode(String)}), so old and
 * new failures count alike in findings. Matches the stable stored name, never the Java class name.
 */
public final class RefreshFailedRetryableUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(WorkerEventTypes.PREFIX + "RefreshFailed", "1");
    static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(WorkerEventTypes.PREFIX + "RefreshFailed", "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, RefreshFailedRetryableUpcaster::addRetryable);
    }

    static JsonNode addRetryable(JsonNode payload) {
        if (payload instanceof ObjectNode object && !object.has("retryable")) {
            JsonNode code = object.get("errorCode");
            object.put("retryable", RefreshFailed.isRetryableErrorCode(code == null || code.isNull()
                    ? null : code.asText()));
        }
        return payload;
    }
}
