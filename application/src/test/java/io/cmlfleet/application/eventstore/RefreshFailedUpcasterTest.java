package io.cmlfleet.application.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmlfleet.application.forensics.ForensicsSettings;
import io.cmlfleet.application.forensics.ForensicsTestStore;
import io.cmlfleet.application.forensics.History;
import io.cmlfleet.application.forensics.TimelineEntry;
import io.cmlfleet.application.forensics.WorkerForensics;
import io.cmlfleet.application.forensics.WorkerTimeline;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A history stored with {@code RefreshFailed} revision 1 (no {@code retryable}) reads, through the upcaster, exactly
 * like the same history stored at revision 2.
 */
class RefreshFailedUpcasterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static History historyWithFailures() {
        return new History("w-upcast", Instant.parse("2026-11-24T08:00:00Z")).created()
                .after(Duration.ofSeconds(30)).status(WorkerStatus.RUNNING).addresses("3.120.5.9", "10.0.1.17")
                .health(CmlServiceStatus.AVAILABLE, null).refresh()
                .after(Duration.ofMinutes(5))
                .failure(RefreshStage.CML_LABS, "TIMEOUT", "labs did not answer within 10s").refresh()
                .after(Duration.ofMinutes(5))
                .failure(RefreshStage.CML_LICENSING, "MALFORMED_RESPONSE", "licensing: unexpected JSON").refresh();
    }

    /** Rewrites every stored RefreshFailed as revision 1 would have stored it. */
    private static int downgradeToRevision1(ForensicsTestStore store) throws Exception {
        List<Map<String, Object>> rows = store.jdbc().queryForList(
                "SELECT globalIndex, payload FROM DomainEventEntry WHERE payloadType = 'cmlfleet.worker.RefreshFailed'");
        for (Map<String, Object> row : rows) {
            ObjectNode payload = (ObjectNode) JSON.readTree((byte[]) row.get("PAYLOAD"));
            payload.remove("retryable");
            store.jdbc().update("UPDATE DomainEventEntry SET payload = ?, payloadRevision = '1' WHERE globalIndex = ?",
                    JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8), row.get("GLOBALINDEX"));
        }
        return rows.size();
    }

    @Test
    void aRevision1StreamYieldsTheSameTimelineAndFindingsAsTheRevision2Stream() throws Exception {
        ForensicsSettings settings = ForensicsSettings.defaults();
        try (ForensicsTestStore store = new ForensicsTestStore(settings, true)) {
            store.append(historyWithFailures());
            WorkerForensics forensics = store.forensics(settings);
            WorkerTimeline asRevision2 = forensics.timeline("w-upcast", TimeWindow.all(), null);
            Findings findingsRevision2 = forensics.findings("w-upcast", TimeWindow.all());

            assertThat(downgradeToRevision1(store)).isEqualTo(2);
            assertThat(store.jdbc().queryForList("SELECT DISTINCT payloadRevision FROM DomainEventEntry "
                    + "WHERE payloadType = 'cmlfleet.worker.RefreshFailed'", String.class)).containsExactly("1");

            try (ForensicsTestStore reopened = new ForensicsTestStore(store.url(), settings, true, false)) {
                WorkerForensics upcasting = reopened.forensics(settings);
                assertThat(upcasting.timeline("w-upcast", TimeWindow.all(), null)).isEqualTo(asRevision2);
                assertThat(upcasting.findings("w-upcast", TimeWindow.all())).isEqualTo(findingsRevision2);
                assertThat(upcasting.timeline("w-upcast", TimeWindow.all(), List.of("RefreshFailed")).entries())
                        .extracting(TimelineEntry::description).containsExactly(
                                "refresh failed at CML_LABS: TIMEOUT - labs did not answer within 10s (retryable)",
                                "refresh failed at CML_LICENSING: MALFORMED_RESPONSE - licensing: unexpected JSON "
                                        + "(needs attention)");
            }
            // Without the upcaster the old rows read with the default false: the retryable TIMEOUT would be lost.
            try (ForensicsTestStore withoutUpcasters = new ForensicsTestStore(store.url(), settings, false, false)) {
                assertThat(withoutUpcasters.forensics(settings).timeline("w-upcast", TimeWindow.all(), null))
                        .isNotEqualTo(asRevision2);
            }
        }
    }

    @Test
    void theUpcasterDerivesRetryableFromTheErrorCodeAndLeavesOtherFieldsAlone() throws Exception {
        ObjectNode timeout = (ObjectNode) JSON.readTree("{\"workerId\":\"w-1\",\"stage\":\"HEALTH_CHECK\","
                + "\"errorCode\":\"TIMEOUT\",\"message\":\"m\",\"failedAt\":\"2026-11-24T08:00:00Z\"}");
        ObjectNode denied = (ObjectNode) JSON.readTree("{\"workerId\":\"w-1\",\"stage\":\"EC2_OBSERVATION\","
                + "\"errorCode\":\"ACCESS_DENIED\",\"message\":\"m\",\"failedAt\":\"2026-11-24T08:00:00Z\"}");

        assertThat(RefreshFailedRetryableUpcaster.addRetryable(timeout).get("retryable").asBoolean()).isTrue();
        assertThat(RefreshFailedRetryableUpcaster.addRetryable(denied).get("retryable").asBoolean()).isFalse();
        assertThat(timeout.get("errorCode").asText()).isEqualTo("TIMEOUT");
        assertThat(timeout.size()).isEqualTo(6);
        assertThat(RefreshFailed.isRetryableErrorCode("THROTTLED")).isTrue();
        assertThat(RefreshFailed.isRetryableErrorCode(null)).isFalse();
    }
}
