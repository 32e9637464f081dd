package io.cmlfleet.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab routes of a simulated CML 2.9 controller, behind {@link CmlControllerApi}'s login check: list, details,
 * state, start, stop, wipe, delete, download and import, over one {@link SimulatedLabs} per worker.
 */
final class CmlLabsApi {

    private static final Pattern LAB = Pattern.compile("/labs/([^/]+)(?:/(state|start|stop|wipe|download))?");
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final FleetModel fleet;
    private final Map<String, SimulatedLabs> byInstance = new ConcurrentHashMap<>();

    CmlLabsApi(FleetModel fleet) {
        this.fleet = fleet;
    }

    /** The counter key of a lab route ({@code GET /labs/{id}/state}...), or empty when the path is not one. */
    static Optional<String> route(String method, String apiPath) {
        if (apiPath.equals("/labs") || apiPath.equals("/import")) {
            return Optional.of(method + " " + apiPath);
        }
        Matcher lab = LAB.matcher(apiPath);
        if (!lab.matches()) {
            return Optional.empty();
        }
        return Optional.of(method + " /labs/{id}" + (lab.group(2) == null ? "" : "/" + lab.group(2)));
    }

    /** The labs of a worker, seeded from its traits on first use. */
    SimulatedLabs labsOf(SimulatedInstance instance) {
        return byInstance.computeIfAbsent(instance.instanceId, id -> {
            List<SimulatedLabs.Lab> seeded = new ArrayList<>();
            Instant created = fleet.now().minusSeconds(86_400);
            for (int lab = 0; lab < instance.traits.labNodeCounts().size(); lab++) {
                int nodes = instance.traits.labNodeCounts().get(lab);
                String title = "Simulated lab " + (lab + 1);
                seeded.add(new SimulatedLabs.Lab(fleet.labId(instance, lab), title, fleet.profile.cmlUsername(),
                        instance.traits.labsStarted().get(lab) ? SimulatedLabs.STARTED : SimulatedLabs.STOPPED,
                        nodes, Math.max(0, nodes - 1), created, SimulatedLabs.topologyOf(title, nodes)));
            }
            return new SimulatedLabs(fleet.profile.seed() + "|" + id, seeded);
        });
    }

    void answer(HttpExchange exchange, SimulatedInstance instance, String route, String apiPath) throws IOException {
        SimulatedLabs labs = labsOf(instance);
        if (route.equals("GET /labs")) {
            ArrayNode ids = json.createArrayNode();
            labs.ids().forEach(ids::add);
            send(exchange, 200, ids);
            return;
        }
        if (route.equals("POST /import")) {
            importTopology(exchange, instance, labs);
            return;
        }
        Matcher matcher = LAB.matcher(apiPath);
        String id = matcher.matches() ? matcher.group(1) : "";
        Optional<SimulatedLabs.Lab> found = labs.lab(id);
        switch (route) {
            case "GET /labs/{id}" -> found.ifPresentOrElse(lab -> send(exchange, 200, details(lab)), () -> notFound(exchange, id));
            case "GET /labs/{id}/state" -> found.ifPresentOrElse(
                    lab -> send(exchange, 200, json.getNodeFactory().textNode(lab.state())), () -> notFound(exchange, id));
            case "GET /labs/{id}/download" -> found.ifPresentOrElse(lab -> sendText(exchange, lab.topology()),
                    () -> notFound(exchange, id));
            case "PUT /labs/{id}/start", "PUT /labs/{id}/stop", "PUT /labs/{id}/wipe", "DELETE /labs/{id}" -> {
                String action = route.startsWith("DELETE") ? "delete" : route.substring(route.lastIndexOf('/') + 1);
                Optional<SimulatedLabs.Refusal> refusal = labs.act(id, action);
                if (refusal.isPresent()) {
                    send(exchange, refusal.get().status(), error(refusal.get().status(), refusal.get().description()));
                } else {
                    // The token is the configured user's: each lab action is that user's activity.
                    instance.system().record(action + "_lab", fleet.profile.cmlUsername(), fleet.now(), id);
                    Exchanges.send(exchange, 204, "application/json", new byte[0]);
                }
            }
            default -> send(exchange, 405, error(405, "Method not allowed: " + route));
        }
    }

    private void importTopology(HttpExchange exchange, SimulatedInstance instance, SimulatedLabs labs)
            throws IOException {
        String topology = new String(Exchanges.body(exchange), StandardCharsets.UTF_8);
        String title = queryParameter(exchange, "title");
        if (topology.isBlank() || !topology.contains("nodes:")) {
            send(exchange, 400, error(400, "Invalid topology: no nodes section found"));
            return;
        }
        SimulatedLabs.Lab lab = labs.importTopology(title == null || title.isBlank() ? "Imported lab" : title,
                fleet.profile.cmlUsername(), topology, fleet.now());
        instance.system().record("import_lab", fleet.profile.cmlUsername(), fleet.now(), lab.id());
        ObjectNode answer = json.createObjectNode();
        answer.put("id", lab.id());
        answer.putArray("warnings");
        send(exchange, 200, answer);
    }

    private ObjectNode details(SimulatedLabs.Lab lab) {
        ObjectNode body = json.createObjectNode();
        body.put("id", lab.id());
        body.put("created", CREATED.format(lab.created()));
        body.put("modified", CREATED.format(lab.created()));
        body.put("lab_description", "");
        body.put("lab_notes", "");
        body.put("lab_title", lab.title());
        body.put("owner_username", lab.owner());
        body.put("state", lab.state());
        body.put("node_count", lab.nodeCount());
        body.put("link_count", lab.linkCount());
        body.putArray("groups");
        return body;
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void notFound(HttpExchange exchange, String id) {
        send(exchange, 404, error(404, "Lab not found: " + id));
    }

    private ObjectNode error(int code, String description) {
        ObjectNode error = json.createObjectNode();
        error.put("description", description);
        error.put("code", code);
        return error;
    }

    private void send(HttpExchange exchange, int status, Object body) {
        try {
            Exchanges.send(exchange, status, "application/json", json.writeValueAsBytes(body));
        } catch (IOException e) {
            exchange.close();
        }
    }

    private void sendText(HttpExchange exchange, String text) {
        try {
            Exchanges.send(exchange, 200, "text/plain; charset=utf-8", text);
        } catch (IOException e) {
            exchange.close();
        }
    }
}
