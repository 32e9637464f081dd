package io.cmlfleet.adapters.cml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlLicensing;
import io.cmlfleet.application.port.cml.CmlSystemInformation;
import io.cmlfleet.application.port.cml.CmlSystemStats;
import io.cmlfleet.domain.worker.ComputeReadiness;
import io.cmlfleet.domain.worker.ControllerReadiness;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns CML response bodies into port records. Reads the JSON tree rather than binding classes so that
 * unknown fields are ignored, nulls and missing fields become null, and numbers are accepted whether
 * the controller sends {@code 6291456} or {@code 6291456.0} (CML versions differ). A body that is not
 * JSON, or has the wrong shape where we need a value, is a {@link CmlAccessException.Kind#MALFORMED_RESPONSE}.
 */
final class CmlResponseParser {

    /** CML ids are UUIDs; anything else is not put into a URL path. */
    private static final Pattern LAB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    /** Licensing dates come as {@code 2026-08-20 17:25:30}: UTC without a zone. */
    private static final DateTimeFormatter CML_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_DESCRIPTION_CHARS = 200;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The health verdict, the licence flags and the computes and controller checks {@code system_health} carries. */
    record HealthBody(boolean valid, Boolean licensed, Boolean enterprise, String invalidReason,
                      ControllerReadiness readiness) {
    }

    byte[] loginBody(String username, String password) {
        try {
            return mapper.writeValueAsBytes(Map.of("username", username, "password", password));
        } catch (JsonProcessingException e) {
            // Cannot happen for two strings; say nothing about the values.
            throw new IllegalStateException("cannot encode the login body");
        }
    }

    /** The bare JSON string {@code POST /authenticate} returns. The message never quotes the body: it may be a token. */
    String token(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw malformed("authenticate did not return JSON");
        }
        if (root == null || !root.isTextual() || root.textValue().isBlank()) {
            throw malformed("authenticate did not return a token string");
        }
        return root.textValue();
    }

    CmlSystemInformation systemInformation(byte[] body) {
        JsonNode root = object(body, "system_information");
        return new CmlSystemInformation(text(root, "version", "system_information"),
                Boolean.TRUE.equals(bool(root, "ready", "system_information")));
    }

    HealthBody health(byte[] body) {
        String what = "system_health";
        JsonNode root = object(body, what);
        boolean valid = Boolean.TRUE.equals(bool(root, "valid", what));
        String reason = null;
        if (!valid) {
            List<String> failing = new ArrayList<>();
            JsonNode controller = child(root, "controller", what);
            if (controller != null) {
                failing.addAll(falseFlags(controller, "controller."));
            }
            JsonNode computes = child(root, "computes", what);
            if (computes != null) {
                computes.fields().forEachRemaining(entry -> {
                    JsonNode compute = entry.getValue();
                    if (compute != null && compute.isObject()) {
                        String name = Optional.ofNullable(text(compute, "hostname", what)).orElse(entry.getKey());
                        failing.addAll(falseFlags(compute, "compute " + name + "."));
                    }
                });
            }
            reason = root.hasNonNull("valid")
                    ? "controller reports system_health valid=false" + (failing.isEmpty() ? "" : " (" + String.join(", ", failing) + ")")
                    : "system_health does not report 'valid'";
        }
        return new HealthBody(valid, bool(root, "is_licensed", what), bool(root, "is_enterprise", what), reason,
                readiness(root));
    }

    /**
     * Each compute's {@code admission_state} and boolean checks, and the controller's checks. Booleans only: null
     * checks are "not known" (CML reports them when it cannot reach a compute), {@code is_*} fields describe the
     * host's role, not its health, and unknown non-boolean fields are ignored.
     */
    private static ControllerReadiness readiness(JsonNode root) {
        String what = "system_health";
        JsonNode computes = child(root, "computes", what);
        List<ComputeReadiness> hosts = null;
        if (computes != null) {
            hosts = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = computes.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                JsonNode compute = entry.getValue();
                if (compute == null || !compute.isObject()) {
                    continue; // as the verdict above: a compute CML could not describe is not evidence either way
                }
                String name = Optional.ofNullable(text(compute, "hostname", what)).orElse(entry.getKey());
                hosts.add(new ComputeReadiness(name, text(compute, "admission_state", what), checks(compute)));
            }
        }
        JsonNode controller = child(root, "controller", what);
        return new ControllerReadiness(hosts, controller == null ? Map.of() : checks(controller), null);
    }

    private static Map<String, Boolean> checks(JsonNode node) {
        Map<String, Boolean> checks = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isBoolean() && !field.getKey().startsWith("is_")) {
                checks.put(field.getKey(), field.getValue().booleanValue());
            }
        });
        return checks;
    }

    /**
     * How many nodes wait in {@code GET /diagnostics/node_launch_queue} (CML 2.9: an array of entries with
     * {@code queued_time}), and how long the oldest has waited. CML does not document the unit of
     * {@code queued_time}; it is read as epoch seconds (epoch milliseconds when it is too large for seconds), and a
     * time that cannot be read leaves the age unknown rather than failing the health check.
     */
    io.cmlfleet.domain.worker.LaunchQueue launchQueue(byte[] body, Instant now) {
        String what = "node_launch_queue";
        JsonNode root = parse(body, what);
        if (root == null || !root.isArray()) {
            throw malformed(what + " is not a JSON array");
        }
        Long oldest = null;
        for (JsonNode entry : root) {
            Long queued = entry.isObject() ? number(entry, "queued_time", what) : null;
            if (queued != null && queued > 0 && (oldest == null || queued < oldest)) {
                oldest = queued;
            }
        }
        java.time.Duration waited = null;
        if (oldest != null) {
            Instant queuedAt = oldest > 100_000_000_000L ? Instant.ofEpochMilli(oldest) : Instant.ofEpochSecond(oldest);
            waited = queuedAt.isAfter(now) ? java.time.Duration.ZERO : java.time.Duration.between(queuedAt, now);
        }
        return new io.cmlfleet.domain.worker.LaunchQueue(root.size(), waited);
    }


    CmlSystemStats systemStats(byte[] body) {
        String what = "system_stats";
        JsonNode root = object(body, what);
        JsonNode computes = child(root, "computes", what);
        int computeCount = 0;
        Long running = null;
        Long total = null;
        Long cpus = null;
        Long memory = null;
        if (computes != null) {
            Iterator<JsonNode> each = computes.elements();
            while (each.hasNext()) {
                JsonNode compute = each.next();
                computeCount++;
                JsonNode stats = compute.isObject() ? child(compute, "stats", what) : null;
                JsonNode dominfo = stats == null ? null : child(stats, "dominfo", what);
                if (dominfo != null) {
                    running = sum(running, number(dominfo, "running_nodes", what));
                    total = sum(total, number(dominfo, "total_nodes", what));
                    cpus = sum(cpus, number(dominfo, "allocated_cpus", what));
                    memory = sum(memory, number(dominfo, "allocated_memory", what));
                }
            }
        }
        JsonNode all = child(root, "all", what);
        JsonNode cpu = all == null ? null : child(all, "cpu", what);
        JsonNode mem = all == null ? null : child(all, "memory", what);
        JsonNode disk = all == null ? null : child(all, "disk", what);
        return new CmlSystemStats(computeCount, running, total, cpus, memory,
                cpu == null ? null : number(cpu, "count", what),
                cpu == null ? null : decimal(cpu, "percent", what),
                mem == null ? null : number(mem, "used", what),
                mem == null ? null : number(mem, "total", what),
                disk == null ? null : number(disk, "used", what),
                disk == null ? null : number(disk, "total", what));
    }

    CmlLicensing licensing(byte[] body) {
        String what = "licensing";
        JsonNode root = object(body, what);
        JsonNode registration = child(root, "registration", what);
        JsonNode authorization = child(root, "authorization", what);
        JsonNode product = child(root, "product_license", what);
        return new CmlLicensing(
                registration == null ? null : text(registration, "status", what),
                authorization == null ? null : text(authorization, "status", what),
                product == null ? null : text(product, "active", what),
                registration == null ? null : instant(text(registration, "expires", what)),
                authorization == null ? null : instant(text(authorization, "expires", what)),
                product == null ? null : bool(product, "is_enterprise", what));
    }

    List<String> labIds(byte[] body) {
        JsonNode root = parse(body, "labs");
        if (root == null || !root.isArray()) {
            throw malformed("labs is not a JSON array");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : root) {
            if (!id.isTextual() || !LAB_ID.matcher(id.textValue()).matches()) {
                throw malformed("labs contains something that is not a lab id");
            }
            ids.add(id.textValue());
        }
        return ids;
    }

    String labState(byte[] body) {
        JsonNode root = parse(body, "lab state");
        if (root == null || !root.isTextual()) {
            throw malformed("lab state is not a JSON string");
        }
        return root.textValue();
    }

    /** The {@code description} of a CML error body, if there is one; never fails. */
    Optional<String> errorDescription(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root != null && root.hasNonNull("description") && root.get("description").isTextual()) {
                String description = root.get("description").textValue().strip();
                return Optional.of(description.length() > MAX_DESCRIPTION_CHARS
                        ? description.substring(0, MAX_DESCRIPTION_CHARS) + "..."
                        : description);
            }
        } catch (IOException | RuntimeException ignored) {
            // Error bodies are a courtesy; a missing or broken one must not hide the status code.
        }
        return Optional.empty();
    }

    static boolean isValidLabId(String id) {
        return LAB_ID.matcher(id).matches();
    }

    private JsonNode parse(byte[] body, String what) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw malformed(what + " is not valid JSON (" + firstLine(detail) + ")");
        }
    }

    private JsonNode object(byte[] body, String what) {
        JsonNode root = parse(body, what);
        if (root == null || !root.isObject()) {
            throw malformed(what + " is not a JSON object");
        }
        return root;
    }

    private static List<String> falseFlags(JsonNode node, String prefix) {
        List<String> flags = new ArrayList<>();
        checks(node).forEach((check, passed) -> {
            if (!passed) {
                flags.add(prefix + check + "=false");
            }
        });
        return flags;
    }

    private static JsonNode child(JsonNode parent, String field, String what) {
        return typed(parent, field, what, "an object", JsonNode::isObject, node -> node);
    }

    private static String text(JsonNode parent, String field, String what) {
        return typed(parent, field, what, "a string", JsonNode::isTextual, JsonNode::textValue);
    }

    private static Boolean bool(JsonNode parent, String field, String what) {
        return typed(parent, field, what, "a boolean", JsonNode::isBoolean, JsonNode::booleanValue);
    }

    /** Integers and floats alike; floats are rounded because the figures are counts and bytes. */
    private static Long number(JsonNode parent, String field, String what) {
        return typed(parent, field, what, "a number", JsonNode::isNumber,
                node -> node.isIntegralNumber() ? node.longValue() : Math.round(node.doubleValue()));
    }

    private static Double decimal(JsonNode parent, String field, String what) {
        return typed(parent, field, what, "a number", JsonNode::isNumber, JsonNode::doubleValue);
    }

    private static <T> T typed(JsonNode parent, String field, String what, String expected,
                               java.util.function.Predicate<JsonNode> isExpected, Function<JsonNode, T> read) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!isExpected.test(node)) {
            throw malformed(what + ": '" + field + "' is not " + expected);
        }
        return read.apply(node);
    }

    private static Long sum(Long total, Long value) {
        if (value == null) {
            return total;
        }
        return total == null ? value : total + value;
    }

    /** Null for a date we cannot read: a licence date in an unexpected format must not hide the rest. */
    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), CML_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notCmlFormat) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        String line = text.lines().findFirst().orElse(text);
        return line.length() > MAX_DESCRIPTION_CHARS ? line.substring(0, MAX_DESCRIPTION_CHARS) + "..." : line;
    }

    private static CmlAccessException malformed(String message) {
        return new CmlAccessException(CmlAccessException.Kind.MALFORMED_RESPONSE, message);
    }
}
