package io.cmlfleet.application.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.application.forensics.FindingsAnalyzer;
import io.cmlfleet.application.forensics.ForensicsSettings;
import io.cmlfleet.application.forensics.History;
import io.cmlfleet.application.forensics.TimelineEntry;
import io.cmlfleet.application.forensics.WorkerStateSnapshot;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every format renders timelines, snapshots and findings; CSV quotes, JSON is ISO, Markdown escapes pipes. */
class TimelineRenderersTest {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private final TimelineEntry tricky = new TimelineEntry(T0, "w-1", 7, "EndpointCleared",
            "endpoint https://1.2.3.4 (MANUAL) cleared: \"moved\", see ticket | 42", "refresh-9", "alice");

    private static History history() {
        return new History("w-1", T0).created().after(Duration.ofSeconds(30)).status(WorkerStatus.RUNNING)
                .addresses("3.120.5.9", null).health(CmlServiceStatus.AVAILABLE, null).refresh();
    }

    @Test
    void csvQuotesCommasAndQuotesAndLeavesNullsEmpty() {
        String csv = TimelineFormat.CSV.renderer().timeline(List.of(tricky,
                new TimelineEntry(T0, "w-1", 8, "RefreshCompleted", "plain", null, null)));

        assertThat(csv).isEqualTo("at,workerId,sequence,type,description,correlationId,issuedBy\r\n"
                + "2026-11-24T08:00:00Z,w-1,7,EndpointCleared,\"endpoint https://1.2.3.4 (MANUAL) cleared: "
                + "\"\"moved\"\", see ticket | 42\",refresh-9,alice\r\n"
                + "2026-11-24T08:00:00Z,w-1,8,RefreshCompleted,plain,,\r\n");
    }

    @Test
    void jsonLinesAreOneObjectPerEntryWithIsoTimes() throws Exception {
        String json = TimelineFormat.JSON_LINES.renderer().timeline(List.of(tricky, tricky));

        String[] lines = json.split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("at").asText()).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(first.get("type").asText()).isEqualTo("EndpointCleared");
        assertThat(first.get("correlationId").asText()).isEqualTo("refresh-9");
    }

    @Test
    void markdownEscapesPipesInCells() {
        String markdown = TimelineFormat.MARKDOWN.renderer().timeline(List.of(tricky));

        assertThat(markdown).contains("see ticket \\| 42").startsWith("| time | worker |");
    }

    @Test
    void findingsRenderInEveryFormat() throws Exception {
        Findings findings = new FindingsAnalyzer(ForensicsSettings.defaults())
                .analyze("w-1", history().asRecordedEvents(), TimeWindow.all());

        String jsonLines = TimelineFormat.JSON_LINES.renderer().findings(findings);
        JsonNode summary = new ObjectMapper().readTree(jsonLines.split("\n")[0]);
        assertThat(summary.get("kind").asText()).isEqualTo("summary");
        assertThat(jsonLines).contains("\"kind\":\"launchToAvailable\"").contains("\"duration\":\"PT30S\"");
        assertThat(TimelineFormat.CSV.renderer().findings(findings))
                .startsWith("kind,start,end,detail\r\n")
                .contains("launch-to-available,2026-11-24T08:00:00Z,2026-11-24T08:00:30Z,first AVAILABLE after 30s");
        assertThat(TimelineFormat.MARKDOWN.renderer().findings(findings)).contains("## Findings for w-1")
                .contains("| launch-to-available | 2026-11-24T08:00:00Z | 2026-11-24T08:00:30Z |");
        assertThat(TimelineFormat.TEXT.renderer().findings(findings)).contains("(nothing unusual)");
    }

    @Test
    void snapshotsRenderAsFieldValuePairs() {
        WorkerStateSnapshot snapshot = WorkerStateSnapshot.of(
                io.cmlfleet.domain.worker.WorkerState.replay(history().asRecordedEvents().stream()
                        .map(RecordedEvent::event).toList()), T0.plusSeconds(60), 6, T0.plusSeconds(30));

        assertThat(TimelineFormat.CSV.renderer().snapshot(snapshot)).contains("status,RUNNING\r\n")
                .contains("gate.queryCmlApi,true\r\n");
        assertThat(TimelineFormat.TEXT.renderer().snapshot(snapshot)).contains("CML API query: would run");
        assertThat(TimelineFormat.MARKDOWN.renderer().snapshot(snapshot)).contains("| endpoint | https://3.120.5.9 |");
    }

    @Test
    void formatNamesParseLeniently() {
        assertThat(TimelineFormat.parse(null)).isEqualTo(TimelineFormat.TEXT);
        assertThat(TimelineFormat.parse("jsonl")).isEqualTo(TimelineFormat.JSON_LINES);
        assertThat(TimelineFormat.parse("MD")).isEqualTo(TimelineFormat.MARKDOWN);
        assertThat(TimelineFormat.parse("csv").renderer().format()).isEqualTo(TimelineFormat.CSV);
    }
}
