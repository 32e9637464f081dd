package io.cmlfleet.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every simulated CML controller behind one HTTPS port. The worker is the one whose public IP the connection was
 * made to (the local address; the Host header as a fallback), and its state decides the answer: no answer at all
 * while it does not run, 502 while CML boots, then the CML 2.9 REST API under {@code /api/v0} in the shapes of the
 * shared fixtures.
 */
final class CmlControllerApi {

    private static final Logger log = LoggerFactory.getLogger(CmlControllerApi.class);
    private static final String API = "/api/v0";
    private static final String NGINX_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    private static final String NGINX_503 = NGINX_502.replace("502 Bad Gateway", "503 Service Temporarily Unavailable");
    private static final long MEMORY_TOTAL_BYTES = 64L * 1024 * 1024 * 1024;
    private static final long DISK_TOTAL_BYTES = 256L * 1024 * 1024 * 1024;
    private static final int HOST_CPUS = 8;

    private final ObjectMapper json = new ObjectMapper();
    private final FleetModel fleet;
    private final RequestCounters counters;
    private final CmlLabsApi labs;
    private final CmlLicensingApi licensing;
    private final CmlSystemApi system;

    CmlControllerApi(FleetModel fleet, RequestCounters counters) {
        this.fleet = fleet;
        this.counters = counters;
        this.labs = new CmlLabsApi(fleet);
        this.licensing = new CmlLicensingApi(fleet);
        this.system = new CmlSystemApi(fleet);
    }

    void handle(HttpExchange exchange) throws IOException {
        InetAddress local = exchange.getLocalAddress().getAddress();
        if (!local.isLoopbackAddress()) {
            // Bound to all interfaces so that every 127.x address reaches it; nobody else may.
            exchange.close();
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String route = route(exchange.getRequestMethod(), path);
        counters.increment("cml:" + route);
        counters.entered("cml:" + route);
        try {
            handleRoute(exchange, local, path, route);
        } finally {
            counters.left("cml:" + route);
        }
    }

    private void handleRoute(HttpExchange exchange, InetAddress local, String path, String route) throws IOException {
        SimulatedInstance instance = worker(local.getHostAddress(), exchange.getRequestHeaders().getFirst("Host"));
        Instant now = fleet.now();
        if (instance == null || fleet.state(instance, now) != InstanceState.RUNNING) {
            // A worker that is not running (or has no public IP) does not answer: close without a response.
            counters.increment("fault:cml-no-answer");
            exchange.close();
            return;
        }
        if (instance.traits.slow()) {
            delay();
        }
        Instant runningSince = instance.lifecycle().runningSince(now, fleet.profile);
        if (now.isBefore(runningSince.plus(instance.traits.cmlBootDelay()))) {
            counters.increment("fault:cml-booting");
            Exchanges.send(exchange, 502, "text/html", NGINX_502);
            return;
        }
        if (instance.traits.flaky() && instance.nextCmlRequestNumber() % fleet.profile.flakyFailureEvery() == 0) {
            counters.increment("fault:cml-503");
            Exchanges.send(exchange, 503, "text/html", NGINX_503);
            return;
        }
        answer(exchange, instance, route, path, now);
    }

    private void answer(HttpExchange exchange, SimulatedInstance instance, String route, String path, Instant now)
            throws IOException {
        switch (route) {
            case "GET /system_information" -> json(exchange, 200, systemInformation());
            case "POST /authenticate" -> authenticate(exchange, instance);
            case "GET /system_health", "GET /system_stats", "GET /diagnostics/node_launch_queue" -> {
                if (unauthorized(exchange, instance)) {
                    return;
                }
                switch (route) {
                    case "GET /system_health" -> json(exchange, 200, systemHealth(instance));
                    case "GET /system_stats" -> json(exchange, 200, systemStats(instance, now));
                    // Nodes start at once here, so nothing ever waits: CML 2.9's shape of an empty queue.
                    default -> json(exchange, 200, json.createArrayNode());
                }
            }
            default -> {
                String apiPath = path.startsWith(API) ? path.substring(API.length()) : path;
                if (CmlLicensingApi.route(exchange.getRequestMethod(), apiPath).isPresent()) {
                    if (!unauthorized(exchange, instance)) {
                        licensing.answer(exchange, instance, route);
                    }
                } else if (CmlSystemApi.route(exchange.getRequestMethod(), apiPath).isPresent()) {
                    if (!unauthorized(exchange, instance)) {
                        system.answer(exchange, instance, route, apiPath);
                    }
                } else if (CmlLabsApi.route(exchange.getRequestMethod(), apiPath).isEmpty()) {
                    json(exchange, 404, error(404, "Not found: " + path));
                } else if (!unauthorized(exchange, instance)) {
                    labs.answer(exchange, instance, route, apiPath);
                }
            }
        }
    }

    /** The licensing agent of a worker's controller. */
    SimulatedLicensing licensingOf(SimulatedInstance instance) {
        return licensing.licensingOf(instance);
    }

    /** The counter key: method plus path with ids replaced, so all labs count under one key. */
    private static String route(String method, String path) {
        String api = path.startsWith(API) ? path.substring(API.length()) : path;
        return CmlSystemApi.route(method, api).or(() -> CmlLabsApi.route(method, api)).orElse(method + " " + api);
    }

    private SimulatedInstance worker(String localAddress, String hostHeader) {
        SimulatedInstance byLocal = fleet.atAddress(localAddress);
        if (byLocal != null || hostHeader == null) {
            return byLocal;
        }
        // Clients that cannot use 127.77.x.y (another OS) may connect to 127.0.0.1 and name the worker in Host.
        String host = hostHeader.startsWith("[") ? hostHeader : hostHeader.replaceFirst(":\\d+$", "");
        return fleet.atAddress(host);
    }

    private void delay() {
        try {
            // Real time on purpose: slowness is what the client's timeouts see, not simulated time.
            Thread.sleep(fleet.profile.slowResponseDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void authenticate(HttpExchange exchange, SimulatedInstance instance) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(Exchanges.body(exchange));
        } catch (IOException e) {
            json(exchange, 400, error(400, "Bad request: body is not JSON"));
            return;
        }
        if (body != null && fleet.profile.cmlUsername().equals(body.path("username").asText(null))
                && fleet.profile.cmlPassword().equals(body.path("password").asText(null))) {
            json(exchange, 200, json.getNodeFactory().textNode(token(instance)));
            return;
        }
        log.debug("Simulated CML {} refused a login", instance.instanceId);
        json(exchange, 403, error(403, "Authentication failed!"));
    }

    /** Answers 401 and says so when the request carries no valid token. */
    private boolean unauthorized(HttpExchange exchange, SimulatedInstance instance) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.equals("Bearer " + token(instance))) {
            return false;
        }
        json(exchange, 401, error(401, "Not authenticated: 401 Unauthorized: No authorization token provided."));
        return true;
    }

    /**
     * A token derived from the worker and the credentials instead of a session store: stays valid for the fleet's
     * life, differs per worker (a token of one controller is refused by another), changes with the password.
     */
    private String token(SimulatedInstance instance) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((fleet.profile.seed() + "|" + instance.instanceId + "|" + fleet.profile.cmlUsername() + "|"
                    + fleet.profile.cmlPassword()).getBytes(StandardCharsets.UTF_8));
            return "sim." + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode systemInformation() {
        ObjectNode info = json.createObjectNode();
        info.put("version", "2.9.1+build.7");
        info.put("ready", true);
        info.put("allow_ssh_pubkey_auth", false);
        info.put("oui", "52:54:00:00:00:00");
        return info;
    }

    private ObjectNode systemHealth(SimulatedInstance instance) {
        ObjectNode health = json.createObjectNode();
        health.put("valid", true);
        ObjectNode compute = health.putObject("computes").putObject(computeId(instance));
        for (String check : new String[]{"kvm_vmx_enabled", "enough_cpus", "lld_connected", "lld_synced", "libvirt",
                "fabric", "device_mux", "refplat_images_available", "docker_shim", "valid"}) {
            compute.put(check, true);
        }
        compute.put("admission_state", instance.computeAdmission());
        compute.put("is_controller", true);
        compute.put("hostname", "cml-" + instance.instanceId);
        health.put("is_licensed", !instance.traits.unlicensed());
        health.put("is_enterprise", !instance.traits.unlicensed());
        ObjectNode controller = health.putObject("controller");
        controller.put("core_connected", true);
        controller.put("nodes_loaded", true);
        controller.put("images_loaded", true);
        controller.put("valid", true);
        return health;
    }

    private ObjectNode systemStats(SimulatedInstance instance, Instant now) {
        double cpuPercent = fleet.cpuPercent(instance, now);
        double memoryUsed = Math.floor(MEMORY_TOTAL_BYTES * fleet.memoryPercent(instance, now) / 100);
        double diskUsed = Math.floor(DISK_TOTAL_BYTES * (0.2 + 0.002 * instance.traits.totalNodes()));
        ObjectNode stats = json.createObjectNode();
        ObjectNode compute = stats.putObject("computes").putObject(computeId(instance));
        compute.put("hostname", "cml-" + instance.instanceId);
        compute.put("is_controller", true);
        ObjectNode computeStats = compute.putObject("stats");
        fillHost(computeStats, cpuPercent, memoryUsed, diskUsed);
        ObjectNode dominfo = computeStats.putObject("dominfo");
        int running = instance.traits.runningNodes();
        dominfo.put("total_nodes", instance.traits.totalNodes());
        dominfo.put("total_orphans", 0);
        dominfo.put("running_nodes", running);
        dominfo.put("running_orphans", 0);
        dominfo.put("allocated_cpus", running);
        dominfo.put("allocated_memory", running * 2L * 1024 * 1024); // KiB, as libvirt reports it
        fillHost(stats.putObject("all"), cpuPercent, memoryUsed, diskUsed);
        stats.putObject("controller").putObject("disk").put("used", diskUsed).put("free", DISK_TOTAL_BYTES - diskUsed)
                .put("total", (double) DISK_TOTAL_BYTES);
        return stats;
    }

    /** Memory and disk as floats, like CML 2.9 sends them. */
    private static void fillHost(ObjectNode node, double cpuPercent, double memoryUsed, double diskUsed) {
        node.putObject("cpu").put("count", HOST_CPUS).put("percent", cpuPercent);
        node.putObject("memory").put("used", memoryUsed).put("free", MEMORY_TOTAL_BYTES - memoryUsed)
                .put("total", (double) MEMORY_TOTAL_BYTES);
        node.putObject("disk").put("used", diskUsed).put("free", DISK_TOTAL_BYTES - diskUsed)
                .put("total", (double) DISK_TOTAL_BYTES);
    }

    private String computeId(SimulatedInstance instance) {
        return fleet.labId(instance, 15); // a stable UUID per worker; lab slots never reach 15
    }

    private ObjectNode error(int code, String description) {
        ObjectNode error = json.createObjectNode();
        error.put("description", description);
        error.put("code", code);
        return error;
    }

    private void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        Exchanges.send(exchange, status, "application/json", json.writeValueAsBytes(body));
    }
}
