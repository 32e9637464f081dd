package io.cmlfleet.adapters.cml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlLabImport;
import io.cmlfleet.domain.worker.LabFacts;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CML's lab bodies: {@code GET /labs/{id}} (see the shared fixture {@code lab.json}) and the answer of
 * {@code POST /import}. Unknown fields are ignored; a body without a lab id is malformed; every other field may be
 * missing or null.
 */
final class CmlLabParser {

    private final ObjectMapper mapper = new ObjectMapper();

    LabFacts lab(byte[] body) {
        JsonNode root = object(body, "lab");
        String id = text(root, "id");
        if (id == null || !CmlResponseParser.isValidLabId(id)) {
            throw malformed("lab has no valid 'id'");
        }
        return new LabFacts(id, text(root, "lab_title"), text(root, "owner_username"), text(root, "state"),
                count(root, "node_count"), count(root, "link_count"), instant(text(root, "created")));
    }

    CmlLabImport imported(byte[] body) {
        JsonNode root = object(body, "import");
        String id = text(root, "id");
        if (id == null || !CmlResponseParser.isValidLabId(id)) {
            throw malformed("import answer has no valid 'id'");
        }
        List<String> warnings = new ArrayList<>();
        JsonNode list = root.get("warnings");
        if (list != null && list.isArray()) {
            list.forEach(warning -> warnings.add(warning.isTextual() ? warning.textValue() : warning.toString()));
        }
        return new CmlLabImport(id, warnings);
    }

    private JsonNode object(byte[] body, String what) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw malformed(what + " is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw malformed(what + " is not valid JSON");
        }
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    private static Integer count(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.canConvertToInt() && node.isNumber() ? node.intValue() : null;
    }

    /** CML writes {@code 2022-02-20T21:22:31+00:00}; an unreadable date is left out, never fatal. */
    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static CmlAccessException malformed(String message) {
        return new CmlAccessException(CmlAccessException.Kind.MALFORMED_RESPONSE, message);
    }
}
