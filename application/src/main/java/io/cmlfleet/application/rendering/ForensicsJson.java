package io.cmlfleet.application.rendering;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON form of forensics results: ISO-8601 instants, ISO durations ({@code PT40M}), enum names. */
final class ForensicsJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    static {
        MAPPER.getFactory().setCharacterEscapes(new SafeJsonEscapes());
    }

    private ForensicsJson() {
    }

    static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A record as dotted field name → text, nested objects flattened ({@code gate.queryCmlApi}), for CSV and text. */
    static Map<String, String> flatten(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        flatten("", MAPPER.valueToTree(value), result);
        return result;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> result) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), result);
            }
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode element : node) {
                if (joined.length() > 0) {
                    joined.append("; ");
                }
                joined.append(element.isValueNode() ? element.asText() : element.toString());
            }
            result.put(prefix, joined.toString());
        } else {
            result.put(prefix, node.isNull() ? null : node.asText());
        }
    }
}
