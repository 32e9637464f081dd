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
import io.cmlfleet.application.forensics.history.EventDescriber;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.text.SafeText;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A history whose every stored text is hostile (as an old event may be): each format still prints one line per event
 * and no raw control or bidi character, and JSON readers get the stored value back unchanged.
 */
class HostileHistoryRenderingTest {

    static final String HOSTILE = "evil\n2026-12-01T00:00:00Z  StatusChanged  forged\u001b[2J\u202e\u0000|=cmd";

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private final List<RecordedEvent> events = new History(HOSTILE, T0).created()
            .after(Duration.ofSeconds(30)).status(WorkerStatus.RUNNING).addresses("3.120.5.9", null)
            .health(CmlServiceStatus.UNAVAILABLE, HOSTILE).refresh()
            .failure(RefreshStage.CML_STATS, HOSTILE, HOSTILE)
            .operator(HOSTILE, HOSTILE).lifecycle(LifecycleAction.STOP, HOSTILE, HOSTILE)
            .asRecordedEvents();

    private final List<TimelineEntry> timeline = events.stream()
            .map(e -> TimelineEntry.of(e, new EventDescriber().describe(e.event()))).toList();

    @Test
    void textPrintsOneLinePerEventAndNoRawControlCharacter() {
        String text = TimelineFormat.TEXT.renderer().timeline(timeline);

        assertThat(text.split("\n", -1)).hasSize(timeline.size() + 1); // the last line ends with its newline
        assertThat(text.lines()).allSatisfy(line -> assertThat(line).startsWith("2026-11-24T08:00"));
        assertSafe(text);
        assertThat(text).contains("evil\\n2026-12-01T00:00:00Z  StatusChanged  forged\\u001b[2J\\u202e\\u0000");
    }

    @Test
    void markdownKeepsOneTableRowPerEventAndEscapesPipes() {
        String markdown = TimelineFormat.MARKDOWN.renderer().timeline(timeline);

        assertThat(markdown.lines()).hasSize(timeline.size() + 2)
                .allSatisfy(line -> assertThat(line).startsWith("|").endsWith("|"));
        assertThat(markdown).contains("\\u0000\\|=cmd");
        assertSafe(markdown);
    }

    @Test
    void csvKeepsOneRecordPerEventAndDisarmsFormulas() {
        String csv = TimelineFormat.CSV.renderer().timeline(timeline);

        assertThat(csv.split("\r\n", -1)).hasSize(timeline.size() + 2); // header, rows, "" after the last CRLF
        assertSafe(csv.replace("\r\n", ""));
        assertThat(CsvTimelineRenderer.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvTimelineRenderer.quote("+1")).isEqualTo("'+1");
        assertThat(CsvTimelineRenderer.quote("-1")).isEqualTo("'-1");
        assertThat(CsvTimelineRenderer.quote("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTimelineRenderer.quote("a=b")).isEqualTo("a=b");
    }

    @Test
    void jsonLinesAreOneObjectPerEventAndGiveTheStoredValueBack() throws Exception {
        String json = TimelineFormat.JSON_LINES.renderer().timeline(timeline);

        String[] lines = json.split("\n");
        assertThat(lines).hasSize(timeline.size());
        assertSafe(json.replace("\n", ""));
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("workerId").asText()).isEqualTo(HOSTILE);
        assertThat(json).contains("\\u202e").contains("\\u001B"); // Jackson writes C0 escapes in upper case
    }

    @Test
    void findingsAndSnapshotsAreSafeInEveryFormat() {
        Findings findings = new FindingsAnalyzer(ForensicsSettings.defaults())
                .analyze(HOSTILE, events, TimeWindow.all());
        WorkerStateSnapshot snapshot = WorkerStateSnapshot.of(
                WorkerState.replay(events.stream().map(RecordedEvent::event).toList()), T0.plusSeconds(60),
                events.size(), T0.plusSeconds(30));

        for (TimelineFormat format : TimelineFormat.values()) {
            String findingsText = format.renderer().findings(findings);
            String snapshotText = format.renderer().snapshot(snapshot);
            assertSafe(findingsText.replace("\r\n", "").replace("\n", ""));
            assertSafe(snapshotText.replace("\r\n", "").replace("\n", ""));
            assertThat(findingsText.lines()).noneMatch(line -> line.startsWith("2026-12-01T00:00:00Z"));
            assertThat(snapshotText.lines()).noneMatch(line -> line.startsWith("2026-12-01T00:00:00Z"));
        }
    }

    /** No character that SafeText escapes is left raw (line ends removed by the caller where a format has them). */
    private static void assertSafe(String output) {
        String withoutLineEnds = output.replace("\n", "");
        assertThat(withoutLineEnds.codePoints().filter(SafeText::isUnsafe).mapToObj(Integer::toHexString))
                .isEmpty();
    }
}
