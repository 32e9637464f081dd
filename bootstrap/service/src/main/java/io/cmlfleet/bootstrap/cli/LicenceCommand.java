package io.cmlfleet.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.application.text.SafeText;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code licence show|register|renew|deregister <worker>}: the Smart Licensing of a worker's controller through the
 * running service's HTTP API, so each operation is accepted, performed, followed and recorded exactly as an API call
 * is, under the API key's name. The API key comes from {@code $CMLFLEET_API_KEY} and the registration token from the
 * environment variable {@code --token-env} names, never from the command line (shell history, process list).
 * Exit code 0 when the operation SUCCEEDED (or the licence was read), 1 when it FAILED, TIMED_OUT or was refused.
 */
final class LicenceCommand implements Command {

    private static final Set<String> ACTIONS = Set.of("show", "register", "renew", "deregister");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the service's default operation timeout (2 min), which bounds how long it answers. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "licence";
    }

    @Override
    public String usage() {
        return "licence show|register|renew|deregister <worker-id> [--token-env VAR] [--reregister]"
                + " [--scope authorization|registration] [--reason TEXT] [--api http://localhost:8080]"
                + " (API key in $CMLFLEET_API_KEY)";
    }

    @Override
    public String summary() {
        return "read or change a worker's Smart Licensing through the running service; the token is read from the"
                + " environment variable --token-env names";
    }

    @Override
    public int run(Options options, PrintStream out, Map<String, String> environment) {
        String action = options.positional(0, "action (show, register, renew or deregister)")
                .toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            throw new UsageException("action must be one of show, register, renew, deregister (got "
                    + SafeText.line(action) + ")");
        }
        if (options.value("token", null) != null) {
            throw new UsageException("a registration token is never taken from the command line; put it in an"
                    + " environment variable and name it with --token-env");
        }
        String worker = options.positional(1, "worker id");
        String key = ServiceApiCall.key(environment, "a key of the service (ADMIN to change a licence)");
        String reason = options.value("reason", null);
        String base = ServiceApiCall.base(options);
        String path = base + "/api/v1/workers/" + encode(worker) + "/licence";
        HttpRequest.Builder request = switch (action) {
            case "show" -> HttpRequest.newBuilder(URI.create(path)).GET();
            case "register" -> post(path + "/registration", registration(options, environment, reason));
            case "renew" -> post(path + "/renewal", renewal(options, reason));
            default -> HttpRequest.newBuilder(URI.create(path + "/registration"
                    + (reason == null ? "" : "?reason=" + encode(reason)))).DELETE();
        };
        return ServiceApiCall.send(request, key, ANSWER_TIMEOUT, base, out,
                response -> succeeded(action, response));
    }

    private static Map<String, Object> registration(Options options, Map<String, String> environment,
                                                    String reason) {
        String variable = options.value("token-env", null);
        if (variable == null || variable.isBlank()) {
            throw new UsageException("register needs --token-env VAR, the environment variable holding the token");
        }
        String token = environment.get(variable);
        if (token == null || token.isBlank()) {
            throw new UsageException("environment variable " + SafeText.line(variable) + " is not set or blank");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("reregister", options.flag("reregister"));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static Map<String, Object> renewal(Options options, String reason) {
        String scope = options.value("scope", "authorization");
        if (!scope.equals("authorization") && !scope.equals("registration")) {
            throw new UsageException("--scope must be authorization or registration");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", scope);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static HttpRequest.Builder post(String uri, Map<String, Object> body) {
        try {
            return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }

    /** A read succeeds with any 2xx; an operation only when its recorded outcome is SUCCEEDED. */
    private static boolean succeeded(String action, HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            return false;
        }
        if (action.equals("show")) {
            return true;
        }
        JsonNode result = JSON.readTree(response.body());
        return "SUCCEEDED".equals(result.path("outcome").asText());
    }

    private static String encode(String value) {
        return ServiceApiCall.encode(value);
    }
}
