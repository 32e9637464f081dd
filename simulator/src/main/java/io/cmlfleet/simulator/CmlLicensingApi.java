package io.cmlfleet.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The licensing routes of a simulated CML 2.9 controller, behind {@link CmlControllerApi}'s login check: the
 * licence ({@code GET /licensing}) and the operations of virl2-client's {@code Licensing} (register, renew the
 * authorization or the registration, deregister), over one {@link SimulatedLicensing} per worker.
 */
final class CmlLicensingApi {


    private final ObjectMapper json = new ObjectMapper();
    private final FleetModel fleet;
    private final Map<String, SimulatedLicensing> byInstance = new ConcurrentHashMap<>();

    CmlLicensingApi(FleetModel fleet) {
        this.fleet = fleet;
    }

    /** The counter key of a licensing route, or empty when the path is not one. */
    static Optional<String> route(String method, String apiPath) {
        return switch (method + " " + apiPath) {
            case "GET /licensing", "POST /licensing/registration", "PUT /licensing/authorization/renew",
                    "PUT /licensing/registration/renew", "DELETE /licensing/deregistration" ->
                    Optional.of(method + " " + apiPath);
            default -> Optional.empty();
        };
    }

    /** The licensing agent of a worker, in the state its traits give until an operation changes it. */
    SimulatedLicensing licensingOf(SimulatedInstance instance) {
        return byInstance.computeIfAbsent(instance.instanceId,
                id -> new SimulatedLicensing(initial(instance, fleet.now())));
    }

    void answer(HttpExchange exchange, SimulatedInstance instance, String route) throws IOException {
        SimulatedLicensing licensing = licensingOf(instance);
        Instant now = fleet.now();
        try {
            switch (route) {
                case "GET /licensing" -> send(exchange, 200, licensing.read(now));
                case "POST /licensing/registration" -> {
                    JsonNode body = requestBody(exchange);
                    JsonNode token = body.path("token");
                    licensing.register(token.isTextual() ? token.textValue() : null,
                            body.path("reregister").asBoolean(false), now);
                    noContent(exchange);
                }
                case "PUT /licensing/authorization/renew" -> {
                    licensing.renewAuthorization(now);
                    noContent(exchange);
                }
                case "PUT /licensing/registration/renew" -> {
                    licensing.renewRegistration(now);
                    noContent(exchange);
                }
                default -> {
                    int status = licensing.deregister();
                    if (status == 204) {
                        noContent(exchange);
                    } else {
                        send(exchange, status, json.getNodeFactory()
                                .textNode(SimulatedLicensing.deregistrationText(status)));
                    }
                }
            }
        } catch (SimulatedLicensing.Refused refused) {
            ObjectNode error = json.createObjectNode();
            error.put("code", refused.status);
            error.put("description", refused.getMessage());
            send(exchange, refused.status, error);
        }
    }

    private JsonNode requestBody(HttpExchange exchange) throws SimulatedLicensing.Refused {
        try {
            JsonNode body = json.readTree(Exchanges.body(exchange));
            if (body == null || !body.isObject()) {
                throw new SimulatedLicensing.Refused(400, "Bad request: body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new SimulatedLicensing.Refused(400, "Bad request: body is not JSON");
        }
    }

    /**
     * The licence a worker starts with: registered and in compliance; for an unlicensed one, not registered; for one
     * with an expired licence, the recorded controller's failed renewal.
     */
    private ObjectNode initial(SimulatedInstance instance, Instant now) {
        ObjectNode licensing = json.createObjectNode();
        ObjectNode registration = licensing.putObject("registration");
        ObjectNode authorization = licensing.putObject("authorization");
        licensing.putArray("features");
        licensing.put("reservation_mode", false);
        ObjectNode product = licensing.putObject("product_license");
        if (instance.traits.unlicensed()) {
            registration.put("status", "NOT_REGISTERED");
            registration.putNull("expires");
            authorization.put("status", "NOT_AUTHORIZED");
            authorization.putNull("expires");
            product.putNull("active");
            product.put("is_enterprise", false);
        } else if (instance.traits.licenceExpired()) {
            expiredAfterFailedRenewal(registration, authorization, now);
            product.put("active", "CML_Enterprise");
            product.put("is_enterprise", true);
        } else {
            registration.put("status", "COMPLETED");
            registration.put("smart_account", "Simulated Smart Account");
            registration.put("virtual_account", "Simulated Virtual Account");
            registration.put("expires", SimulatedLicensing.date(now.plusSeconds(200L * 86400)));
            authorization.put("status", "IN_COMPLIANCE");
            authorization.put("expires", SimulatedLicensing.date(now.plusSeconds(80L * 86400)));
            SimulatedLicensing.renewed(registration.putObject("renew_time"), now.minusSeconds(10L * 86400),
                    now.plusSeconds(170L * 86400));
            SimulatedLicensing.renewed(authorization.putObject("renew_time"), now.minusSeconds(86400),
                    now.plusSeconds(29L * 86400));
            product.put("active", "CML_Enterprise");
            product.put("is_enterprise", true);
        }
        return licensing;
    }

    /**
     * The recorded CML 2.9 controller's case (fixtures/cml/licensing.json, its dates moved to the simulated clock):
     * still COMPLETED and IN_COMPLIANCE, but the authorization expired weeks ago and its last renewal failed.
     */
    private static void expiredAfterFailedRenewal(ObjectNode registration, ObjectNode authorization, Instant now) {
        registration.put("status", "COMPLETED");
        registration.put("smart_account", "Simulated Smart Account");
        registration.put("virtual_account", "Simulated Virtual Account");
        registration.put("expires", SimulatedLicensing.date(now.plusSeconds(90L * 86400)));
        SimulatedLicensing.renewed(registration.putObject("renew_time"), now.minusSeconds(100L * 86400),
                now.plusSeconds(80L * 86400));
        authorization.put("status", "IN_COMPLIANCE");
        authorization.put("expires", SimulatedLicensing.date(now.minusSeconds(20L * 86400)));
        ObjectNode renewal = authorization.putObject("renew_time");
        renewal.putNull("succeeded");
        renewal.put("attempted", SimulatedLicensing.date(now.minusSeconds(50L * 86400)));
        renewal.put("scheduled", SimulatedLicensing.date(now.minusSeconds(20L * 86400)));
        renewal.put("status", "FAILED");
        renewal.put("failure", "Communication with Cisco Smart Software Manager failed");
        renewal.putNull("success");
    }

    private void noContent(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        Exchanges.send(exchange, status, "application/json", json.writeValueAsBytes(body));
    }
}
