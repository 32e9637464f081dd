package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.text.SafeText;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One call of the commands that act through the running service's HTTP API ({@code lab}, {@code licence}): the key
 * from {@code $CMLFLEET_API_KEY} (never the command line), the service from {@code --api}, the answer printed as
 * {@code HTTP <status> <body>}.
 */
final class ServiceApiCall {

    /** Whether an answer counts as success for the exit code. */
    @FunctionalInterface
    interface Verdict {
        boolean succeeded(HttpResponse<String> response) throws IOException;
    }

    private ServiceApiCall() {
    }

    static String key(Map<String, String> environment, String which) {
        String key = environment.get("CMLFLEET_API_KEY");
        if (key == null || key.isBlank()) {
            throw new UsageException("set $CMLFLEET_API_KEY to " + which);
        }
        return key;
    }

    static String base(Options options) {
        return options.value("api", "http://localhost:8080").replaceAll("/+$", "");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Sends, prints the answer; exit 0 when the verdict says so, 1 otherwise or when the service is unreachable. */
    static int send(HttpRequest.Builder request, String key, Duration timeout, String base, PrintStream out,
                    Verdict verdict) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.header("X-API-Key", key).timeout(timeout).build(),
                            HttpResponse.BodyHandlers.ofString());
            out.println("HTTP " + response.statusCode() + " " + response.body());
            return verdict.succeeded(response) ? 0 : 1;
        } catch (IOException e) {
            out.println("cannot reach the service at " + SafeText.line(base) + ": " + e.getClass().getSimpleName());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
