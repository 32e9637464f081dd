package io.cmlfleet.application.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.domain.worker.CmlFacts;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.EndpointSource;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.TelemetryMetric;
import io.cmlfleet.domain.worker.WorkerOrigin;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.InstanceStatusChecksChanged;
import io.cmlfleet.domain.worker.event.LifecycleActionFailed;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryThresholdRecovered;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import io.cmlfleet.domain.worker.event.WorkerEventTypes;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One round trip per event: plain JSON, stored under its stable name at its current revision, read back equal. */
class WorkerEventSerializationTest {

    private static final Instant AT = Instant.parse("2026-11-24T14:05:00.123Z");
    private final CmlfleetSerializer serializer = CmlfleetSerializer.create();
    private final ObjectMapper plainJson = new ObjectMapper();

    static Stream<WorkerEvent> oneOfEachEvent() {
        return Stream.of(
                new WorkerCreated("w-1", "lab 1", "eu-west-1", "i-0123456789abcdef0", "c5.2xlarge",
                        "ami-0abcdef1234567890", "CML-2.9.1", Map.of("team", "netops"), "alice",
                        WorkerOrigin.IMPORTED, AT),
                new StatusChanged("w-1", WorkerStatus.PENDING, WorkerStatus.RUNNING, "running", "EC2 said so", AT),
                new NetworkAddressesChanged("w-1", null, "54.1.2.3", "10.0.0.1", "10.0.0.1", AT),
                new InstanceStatusChecksChanged("w-1", "ok", "initializing", AT),
                new EndpointPopulated("w-1", "https://54.1.2.3", "54.1.2.3", EndpointSource.AUTO, "auto-population",
                        AT),
                new EndpointCleared("w-1", "https://54.1.2.3", EndpointSource.MANUAL, "cleared by ops", AT),
                new ServiceHealthEvaluated("w-1", "https://54.1.2.3", CmlServiceStatus.UNAVAILABLE,
                        CmlServiceStatus.AVAILABLE, true, true, null, null, 42, AT),
                new ServiceMarkedUnavailable("w-1", CmlServiceStatus.ERROR, "worker left RUNNING", AT),
                new CmlStatsRecorded("w-1", new CmlFacts("2.9.1+build.7", true, true, false, "COMPLETED", null, 3, 8,
                        182, 7, 6_291_456L, null), AT),
                new TelemetryUpdated("w-1", 0.0, null, AT, 300),
                new RefreshFailed("w-1", RefreshStage.CML_LICENSING, "MALFORMED_RESPONSE", "bad JSON", false,
                        AT),
                new LifecycleActionRequested("w-1", LifecycleAction.STOP, "alice", null, AT),
                new WorkerTerminated("w-1", "EC2 reported the instance terminated", AT),
                new RefreshCompleted("w-1", RefreshTrigger.SCHEDULED, AT, AT.plusMillis(830), List.of(
                        RefreshStageOutcome.ran(RefreshStage.EC2_OBSERVATION),
                        RefreshStageOutcome.failed(RefreshStage.HEALTH_CHECK, "timeout"),
                        RefreshStageOutcome.skipped(RefreshStage.CML_STATS, "CML service is UNAVAILABLE, not AVAILABLE"))),
                new LifecycleActionFailed("w-1", LifecycleAction.START, "ACCESS_DENIED", "denied", AT),
                new IdleStopConfigured("w-1", false, "ops", AT),
                new IdleStopTriggered("w-1", AT.minusSeconds(4500), 75, "idle", AT),
                new io.cmlfleet.domain.worker.event.UserActivityObserved("w-1", "start_lab", "alice",
                        AT.minusSeconds(30), AT),
                new io.cmlfleet.domain.worker.event.IdleStopWarned("w-1", AT.minusSeconds(3600), "idle",
                        AT.plusSeconds(900), true, AT),
                new io.cmlfleet.domain.worker.event.IdleStopCancelled("w-1", "user activity", AT),
                new io.cmlfleet.domain.worker.event.IdleStopSnoozed("w-1", AT.plusSeconds(7200), "ops", null, AT),
                new TelemetryThresholdBreached("w-1", TelemetryMetric.CPU, 95.5, 90.0, AT),
                new TelemetryThresholdRecovered("w-1", TelemetryMetric.MEMORY, 10.0, 90.0, AT),
                new io.cmlfleet.domain.worker.event.LabActionRecorded("w-1", io.cmlfleet.domain.worker.LabAction.STOP,
                        "lab-1", "CCIE", "alice", "end of class", io.cmlfleet.domain.worker.LabOutcome.SUCCEEDED,
                        new io.cmlfleet.domain.worker.LabFacts("lab-1", "CCIE", "admin", "STOPPED", 5, 4, AT),
                        null, null, AT),
                new io.cmlfleet.domain.worker.event.LabInventoryChanged("w-1", List.of(
                        new io.cmlfleet.domain.worker.LabFacts("lab-1", "CCIE", "admin", "STARTED", 5, null, null)),
                        AT),
                new io.cmlfleet.domain.worker.event.LicenceStateChanged("w-1", new io.cmlfleet.domain.worker.LicenceFacts(
                        "COMPLETED", AT, null, "IN_COMPLIANCE", AT, new io.cmlfleet.domain.worker.LicenceRenewal(
                        "FAILED", "timed out", AT, null), "CML_Enterprise", true, "sa", "va"), List.of(
                        new io.cmlfleet.domain.worker.LicenceIssue(io.cmlfleet.domain.worker.LicenceIssue.Kind
                                .RENEWAL_FAILED, "last authorization renewal failed")), 14, AT),
                new io.cmlfleet.domain.worker.event.LicenceOperationRequested("w-1",
                        io.cmlfleet.domain.worker.LicenceOperation.REGISTER, true, "alice", "new account", AT),
                new io.cmlfleet.domain.worker.event.LicenceOperationFinished("w-1",
                        io.cmlfleet.domain.worker.LicenceOperation.REGISTER, "alice",
                        io.cmlfleet.domain.worker.LicenceOperationOutcome.FAILED, "NOT_REGISTERED", "EVAL",
                        "Connection timed out after 60003 milliseconds", AT));
    }

    @Test
    void everyCataloguedEventHasASampleHere() {
        assertThat(oneOfEachEvent().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(WorkerEventTypes.all().values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEachEvent")
    void roundTripsAsPlainJsonUnderItsStableName(WorkerEvent event) throws Exception {
        SerializedObject<String> serialized = serializer.serialize(event, String.class);

        assertThat(serialized.getType().getName())
                .isEqualTo("cmlfleet.worker." + event.getClass().getSimpleName())
                .doesNotContain("io.cmlfleet");
        assertThat(serialized.getType().getRevision())
                .isEqualTo(event.getClass().getAnnotation(org.axonframework.serialization.Revision.class).value());
        JsonNode json = plainJson.readTree(serialized.getData());
        assertThat(json.isObject()).isTrue();
        assertThat(json.get("workerId").asText()).isEqualTo("w-1");
        assertThat(serialized.getData()).doesNotContain("@class").doesNotContain("io.cmlfleet");

        WorkerEvent back = serializer.deserialize(serialized);
        assertThat(back).isEqualTo(event);
    }

    @Test
    void timestampsAreIsoStringsAndEnumsTheirNames() throws Exception {
        SerializedObject<String> serialized = serializer.serialize(
                new StatusChanged("w-1", WorkerStatus.STOPPED, WorkerStatus.PENDING, "pending", "r", AT),
                String.class);

        JsonNode json = plainJson.readTree(serialized.getData());
        assertThat(json.get("observedAt").asText()).isEqualTo("2026-11-24T14:05:00.123Z");
        assertThat(json.get("to").asText()).isEqualTo("PENDING");
    }

    @Test
    void aStoredEventWithAFieldAddedByNewerCodeIsStillRead() {
        String stored = "{\"workerId\":\"w-1\",\"reason\":\"gone\",\"terminatedAt\":\"2026-11-24T14:05:00Z\","
                + "\"addedLater\":42}";
        WorkerTerminated event = serializer.deserialize(new SimpleSerializedObject<>(stored, String.class,
                new SimpleSerializedType("cmlfleet.worker.WorkerTerminated", "1")));

        assertThat(event).isEqualTo(new WorkerTerminated("w-1", "gone", Instant.parse("2026-11-24T14:05:00Z")));
    }

    @Test
    void nonEventTypesKeepTheirClassNames() {
        SerializedObject<String> serialized = serializer.serialize(Map.of("k", "v"), String.class);

        assertThat(serialized.getType().getName()).isEqualTo(Map.of("k", "v").getClass().getName());
    }
}
