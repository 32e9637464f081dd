package io.cmlfleet.application.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cmlfleet.domain.worker.WorkerSnapshot;
import io.cmlfleet.domain.worker.event.WorkerEventTypes;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer with two promises for the event store: payloads are plain JSON (no class hints,
 * ISO-8601 timestamps), and worker events are stored under the stable names of {@link WorkerEventTypes} rather than
 * Java class names. Worker snapshots are stored as {@value #SNAPSHOT_TYPE}. Anything else (sagas, tokens,
 * metadata) keeps Axon's default class-name typing.
 */
public class CmlfleetSerializer extends JacksonSerializer {

    /** The stored name of {@link WorkerSnapshot}, the snapshot shape of a worker. */
    public static final String SNAPSHOT_TYPE = "CMLWorkerSnapshot";

    protected CmlfleetSerializer(Builder builder) {
        super(builder);
    }

    /** The serializer for events, messages and sagas. */
    public static CmlfleetSerializer create() {
        return new CmlfleetSerializer(JacksonSerializer.builder().objectMapper(objectMapper()));
    }

    /** The object mapper behind it: plain JSON, tolerant of fields added by newer code. */
    private static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type == WorkerSnapshot.class) {
            return new SimpleSerializedType(SNAPSHOT_TYPE, WorkerSnapshot.REVISION);
        }
        return WorkerEventTypes.nameOf(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, getRevisionResolver().revisionOf(type)))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        if (SNAPSHOT_TYPE.equals(serializedType.getName())) {
            return WorkerSnapshot.class.getName();
        }
        return WorkerEventTypes.classFor(serializedType.getName())
                .map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
