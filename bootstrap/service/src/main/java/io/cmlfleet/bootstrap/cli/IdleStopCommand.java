package io.cmlfleet.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code idle-stop enable|disable <worker>} and {@code idle-stop snooze <worker> --minutes N [--reason TEXT]}: the
 * per-worker opt-out and snooze, through the running service's HTTP API ({@link ServiceApiCall}), so they are validated
 * and recorded exactly as an API call is, under the API key's name.
 */
final class IdleStopCommand implements Command {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "idle-stop";
    }

    @Override
    public String usage() {
        return "idle-stop enable|disable <worker-id> | idle-stop snooze <worker-id> --minutes N [--reason TEXT]"
                + " [--api http://localhost:8080] (API key in $CMLFLEET_API_KEY)";
    }

    @Override
    public String summary() {
        return "allow, forbid or snooze idle stopping of a worker through the running service";
    }

    @Override
    public int run(Options options, PrintStream out, Map<String, String> environment) {
        String action = options.positional(0, "action (enable, disable or snooze)").toLowerCase(Locale.ROOT);
        String worker = options.positional(1, "worker id");
        String path = "/api/v1/workers/" + ServiceApiCall.encode(worker) + "/idle-stop";
        String key = ServiceApiCall.key(environment, "an ADMIN key of the service");
        String base = ServiceApiCall.base(options);
        Map<String, Object> body = new LinkedHashMap<>();
        HttpRequest.Builder request;
        switch (action) {
            case "enable", "disable" -> {
                body.put("enabled", action.equals("enable"));
                request = HttpRequest.newBuilder(URI.create(base + path)).PUT(json(body));
            }
            case "snooze" -> {
                body.put("minutes", minutes(options.value("minutes", null)));
                String reason = options.value("reason", null);
                if (reason != null) {
                    body.put("reason", reason);
                }
                request = HttpRequest.newBuilder(URI.create(base + path + "/snooze")).POST(json(body));
            }
            default -> throw new UsageException("action must be one of enable, disable, snooze (got " + action + ")");
        }
        return ServiceApiCall.send(request.header("Content-Type", "application/json"), key, Duration.ofMinutes(2), base,
                out, response -> response.statusCode() / 100 == 2);
    }

    private static int minutes(String value) {
        if (value == null) {
            throw new UsageException("snooze needs --minutes N (1 to 10080)");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--minutes must be a whole number of minutes (got " + value + ")");
        }
    }

    private static HttpRequest.BodyPublisher json(Map<String, Object> body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the request body", e);
        }
    }
}
