package io.cmlfleet.adapters.cml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.domain.worker.UserActivity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Telemetry events in the variants CML's documentation allows; system users and other categories left out. */
class CmlIdleParserTest {

    private static final Set<String> CATEGORIES = Set.of("start_lab", "stop_node", "user_activity");
    private static final Set<String> SYSTEM = Set.of("virl2");

    private final CmlIdleParser parser = new CmlIdleParser();

    @Test
    void theLatestEventOfAUserInACountedCategoryIsTheLastActivity() {
        String body = """
                [{"category":"start_lab","timestamp":"2026-11-24T10:00:00+00:00","user":"alice"},
                 {"type":"stop_node","timestamp":"2026-11-24 10:05:00","username":"bob"},
                 {"category":"queue_node","timestamp":"2026-11-24T10:09:00Z","user":"carol"},
                 {"category":"user_activity","timestamp":"2026-11-24T10:10:00Z","user":"virl2"},
                 {"category":"start_lab","timestamp":"not a time","user":"dave"},
                 {"category":"start_lab","timestamp":1795515600,"user_id":"u-17"}]
                """;

        assertThat(parser.lastUserActivity(bytes(body), CATEGORIES, SYSTEM, null)).contains(
                new UserActivity("start_lab", "u-17", Instant.ofEpochSecond(1795515600)));
        assertThat(parser.lastUserActivity(bytes(body), CATEGORIES, Set.of("virl2", "u-17"), null)).contains(
                new UserActivity("stop_node", "bob", Instant.parse("2026-11-24T10:05:00Z")));
        assertThat(parser.lastUserActivity(bytes("{\"events\":" + body + "}"), Set.of("start_lab"), SYSTEM,
                Instant.ofEpochSecond(1795515600))).isEmpty();
    }

    @Test
    void aBodyThatIsNotAListIsMalformed() {
        assertThatThrownBy(() -> parser.lastUserActivity(bytes("{\"description\":\"x\"}"), CATEGORIES, SYSTEM, null))
                .isInstanceOfSatisfying(CmlAccessException.class, e ->
                        assertThat(e.kind()).isEqualTo(CmlAccessException.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void noticesAndMaintenanceModeBodies() {
        assertThat(new String(parser.maintenanceBody(false, null), StandardCharsets.UTF_8))
                .isEqualTo("{\"maintenance_mode\":false,\"notice\":null}");
        assertThat(parser.noticeIdsLabelled(bytes("[{\"id\":\"n-1\",\"label\":\"cmlfleet idle stop\"},"
                + "{\"id\":\"n-2\",\"label\":\"upgrade\"},{\"id\":\"../x\",\"label\":\"cmlfleet idle stop\"}]"),
                "cmlfleet idle stop")).containsExactly("n-1");
        assertThatThrownBy(() -> parser.noticeId(bytes("{\"id\":\"a/b\"}"))).isInstanceOf(CmlAccessException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
