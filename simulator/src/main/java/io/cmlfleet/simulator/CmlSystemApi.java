package io.cmlfleet.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system routes of a simulated CML 2.9 controller behind {@link CmlControllerApi}'s login check, in the shapes
 * virl2-client uses: {@code GET /telemetry/events}, {@code GET|PATCH /system/maintenance_mode},
 * {@code GET|POST /system/notices} and {@code DELETE /system/notices/{id}}. The telemetry log always ends with an
 * event of CML's service user at the current time (the controller's own housekeeping), which a client must not
 * take for user activity.
 */
final class CmlSystemApi {

    private static final Pattern NOTICE = Pattern.compile("/system/notices/([A-Za-z0-9-]+)");
    private static final Set<String> LEVELS = Set.of("INFO", "SUCCESS", "WARNING", "ERROR");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final FleetModel fleet;

    CmlSystemApi(FleetModel fleet) {
        this.fleet = fleet;
    }

    /** The counter key of a system route, or empty when the path is not one. */
    static Optional<String> route(String method, String apiPath) {
        if (apiPath.equals("/telemetry/events") || apiPath.equals("/system/maintenance_mode")
                || apiPath.equals("/system/notices")) {
            return Optional.of(method + " " + apiPath);
        }
        return NOTICE.matcher(apiPath).matches() ? Optional.of(method + " /system/notices/{id}") : Optional.empty();
    }

    void answer(HttpExchange exchange, SimulatedInstance instance, String route, String apiPath) throws IOException {
        ControllerSystem system = instance.system();
        switch (route) {
            case "GET /telemetry/events" -> send(exchange, 200, events(system));
            case "GET /system/maintenance_mode" -> send(exchange, 200, maintenance(system));
            case "PATCH /system/maintenance_mode" -> patchMaintenance(exchange, system);
            case "GET /system/notices" -> {
                ArrayNode notices = json.createArrayNode();
                system.notices().forEach(notice -> notices.add(notice(notice)));
                send(exchange, 200, notices);
            }
            case "POST /system/notices" -> createNotice(exchange, system);
            case "DELETE /system/notices/{id}" -> {
                Matcher matcher = NOTICE.matcher(apiPath);
                if (matcher.matches() && system.removeNotice(matcher.group(1))) {
                    Exchanges.send(exchange, 204, "application/json", new byte[0]);
                } else {
                    send(exchange, 404, error(404, "System notice not found"));
                }
            }
            default -> send(exchange, 405, error(405, "Method not allowed: " + route));
        }
    }

    private ArrayNode events(ControllerSystem system) {
        ArrayNode events = json.createArrayNode();
        system.events().forEach(event -> events.add(event(event.id(), event.category(), event.user(), event.at(),
                event.labId())));
        events.add(event("housekeeping", "queue_node", ControllerSystem.SERVICE_USER, fleet.now(), null));
        return events;
    }

    private ObjectNode event(String id, String category, String user, Instant at, String labId) {
        ObjectNode event = json.createObjectNode();
        event.put("id", id);
        event.put("category", category);
        event.put("timestamp", TIMESTAMP.format(at));
        event.put("user", user);
        ObjectNode data = event.putObject("data");
        if (labId != null) {
            data.put("lab_id", labId);
        }
        return event;
    }

    private ObjectNode maintenance(ControllerSystem system) {
        ObjectNode body = json.createObjectNode();
        body.put("maintenance_mode", system.maintenanceMode());
        body.put("notice", system.maintenanceNotice());
        return body;
    }

    private void patchMaintenance(HttpExchange exchange, ControllerSystem system) throws IOException {
        JsonNode body = readObject(exchange);
        if (body == null) {
            return;
        }
        JsonNode mode = body.get("maintenance_mode");
        if (mode != null && !mode.isBoolean()) {
            send(exchange, 422, error(422, "maintenance_mode must be a boolean"));
            return;
        }
        if (body.has("notice")) {
            JsonNode notice = body.get("notice");
            if (!system.maintenanceNotice(notice.isNull() ? null : notice.asText())) {
                send(exchange, 404, error(404, "System notice not found"));
                return;
            }
        }
        if (mode != null) {
            system.maintenanceMode(mode.booleanValue());
        }
        ObjectNode answer = maintenance(system);
        system.notice(system.maintenanceNotice()).ifPresentOrElse(
                notice -> answer.set("resolved_notice", notice(notice)), () -> answer.putNull("resolved_notice"));
        send(exchange, 200, answer);
    }

    private void createNotice(HttpExchange exchange, ControllerSystem system) throws IOException {
        JsonNode body = readObject(exchange);
        if (body == null) {
            return;
        }
        String level = body.path("level").asText("").toUpperCase(Locale.ROOT);
        String label = body.path("label").asText("");
        String content = body.path("content").asText("");
        if (!LEVELS.contains(level) || label.isBlank() || content.isBlank()) {
            send(exchange, 422, error(422, "a notice needs a level (INFO, SUCCESS, WARNING, ERROR), a label and"
                    + " content"));
            return;
        }
        send(exchange, 200, notice(system.addNotice(level, label, content, body.path("enabled").asBoolean(true))));
    }

    private JsonNode readObject(HttpExchange exchange) throws IOException {
        try {
            JsonNode body = json.readTree(Exchanges.body(exchange));
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException notJson) {
            // answered below
        }
        send(exchange, 400, error(400, "Bad request: body is not a JSON object"));
        return null;
    }

    private ObjectNode notice(ControllerSystem.Notice notice) {
        ObjectNode body = json.createObjectNode();
        body.put("id", notice.id());
        body.put("level", notice.level());
        body.put("label", notice.label());
        body.put("content", notice.content());
        body.put("enabled", notice.enabled());
        body.putObject("acknowledged");
        body.putArray("groups");
        return body;
    }

    private ObjectNode error(int code, String description) {
        ObjectNode error = json.createObjectNode();
        error.put("description", description);
        error.put("code", code);
        return error;
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        Exchanges.send(exchange, status, "application/json", json.writeValueAsBytes(body));
    }
}
