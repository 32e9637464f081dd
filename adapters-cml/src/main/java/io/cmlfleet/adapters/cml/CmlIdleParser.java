package io.cmlfleet.adapters.cml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.domain.worker.UserActivity;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The bodies of idle stopping's CML calls. No real {@code /telemetry/events} body is among the shared fixtures, so
 * its reading is tolerant, after CML 2.9's documentation: a list of events (or {@code {"events": [...]}}), each
 * with its {@code category} (or {@code type}), a {@code timestamp} (ISO-8601, {@code yyyy-MM-dd HH:mm:ss} UTC, or
 * epoch seconds) and the user as {@code user}, {@code username} or {@code user_id}. An event lacking a category,
 * time or user is not a user's doing and is skipped; a body that is not such a list is malformed.
 */
final class CmlIdleParser {

    private static final DateTimeFormatter CML_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    Optional<UserActivity> lastUserActivity(byte[] body, Set<String> categories, Set<String> excludedUsers,
                                            Instant after) {
        JsonNode root = read(body, "telemetry events");
        JsonNode events = root.isObject() && root.has("events") ? root.get("events") : root;
        if (!events.isArray()) {
            throw malformed("telemetry events are not a list");
        }
        UserActivity latest = null;
        for (JsonNode event : events) {
            String category = text(event, "category", "type");
            String user = text(event, "user", "username", "user_id");
            Instant at = time(event.get("timestamp"));
            if (category == null || user == null || at == null
                    || !categories.contains(category.toLowerCase(Locale.ROOT))
                    || excludedUsers.contains(user.toLowerCase(Locale.ROOT))
                    || (after != null && !at.isAfter(after))) {
                continue;
            }
            if (latest == null || at.isAfter(latest.at())) {
                latest = new UserActivity(category, user, at);
            }
        }
        return Optional.ofNullable(latest);
    }

    byte[] noticeBody(String label, String content) {
        ObjectNode notice = mapper.createObjectNode();
        notice.put("level", "WARNING");
        notice.put("label", label);
        notice.put("content", content);
        notice.put("enabled", true);
        return bytes(notice);
    }

    byte[] maintenanceBody(boolean on, String noticeId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("maintenance_mode", on);
        if (noticeId == null) {
            body.putNull("notice");
        } else {
            body.put("notice", noticeId);
        }
        return bytes(body);
    }

    String noticeId(byte[] body) {
        String id = text(read(body, "system notice"), "id");
        if (id == null || !CmlResponseParser.isValidLabId(id)) {
            throw malformed("system notice has no usable id");
        }
        return id;
    }

    List<String> noticeIdsLabelled(byte[] body, String label) {
        JsonNode notices = read(body, "system notices");
        if (!notices.isArray()) {
            throw malformed("system notices are not a list");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode notice : notices) {
            String id = text(notice, "id");
            if (label.equals(text(notice, "label")) && id != null && CmlResponseParser.isValidLabId(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private JsonNode read(byte[] body, String what) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null) {
                throw malformed(what + ": empty body");
            }
            return root;
        } catch (IOException e) {
            throw malformed(what + ": body is not JSON");
        }
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static Instant time(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli((long) (value.asDouble() * 1000));
        }
        String text = value.asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.replace('T', ' ').replaceFirst("\\.\\d+$", ""), CML_DATE_TIME)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notCml) {
                return null;
            }
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a request body");
        }
    }

    private static CmlAccessException malformed(String message) {
        return new CmlAccessException(CmlAccessException.Kind.MALFORMED_RESPONSE, "malformed response: " + message);
    }
}
