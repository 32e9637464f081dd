package io.cmlfleet.bootstrap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code lab start|stop|wipe|delete <worker> <lab>}: acts on a lab through the running service's HTTP API, so the
 * action is checked, performed and recorded exactly as an API call is, under the API key's name. The key comes from
 * {@code $CMLFLEET_API_KEY}, never from the command line (it would end up in the shell history and process list).
 */
final class LabActionCommand implements Command {

    private static final Set<String> ACTIONS = Set.of("start", "stop", "wipe", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "lab";
    }

    @Override
    public String usage() {
        return "lab start|stop|wipe|delete <worker-id> <lab-id> [--reason TEXT] [--api http://localhost:8080]"
                + " (API key in $CMLFLEET_API_KEY)";
    }

    @Override
    public String summary() {
        return "act on a lab through the running service; recorded in the worker's history as by the key's name";
    }

    @Override
    public int run(Options options, PrintStream out, Map<String, String> environment) {
        String action = options.positional(0, "action (start, stop, wipe or delete)").toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            throw new UsageException("action must be one of start, stop, wipe, delete (got " + action + ")");
        }
        String worker = options.positional(1, "worker id");
        String lab = options.positional(2, "lab id");
        String key = ServiceApiCall.key(environment, "an ADMIN key of the service");
        String reason = options.value("reason", null);
        String base = ServiceApiCall.base(options);
        String path = "/api/v1/workers/" + encode(worker) + "/labs/" + encode(lab);
        HttpRequest.Builder request;
        try {
            if (action.equals("delete")) {
                request = HttpRequest.newBuilder(URI.create(base + path
                        + (reason == null ? "" : "?reason=" + encode(reason)))).DELETE();
            } else {
                String body = JSON.writeValueAsString(reason == null ? Map.of() : Map.of("reason", reason));
                request = HttpRequest.newBuilder(URI.create(base + path + "/" + action))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
        return ServiceApiCall.send(request, key, Duration.ofMinutes(2), base, out,
                response -> response.statusCode() / 100 == 2);
    }

    private static String encode(String value) {
        return ServiceApiCall.encode(value);
    }
}
