package io.cmlfleet.bootstrap.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The running service's HTTP API for the commands that act through it: the base URL from {@code --api}, the ADMIN
 * key from {@code $CMLFLEET_API_KEY} (never from the command line: it would end up in the shell history and process
 * list). Prints {@code HTTP <status> <body>}; exit code 0 on 2xx, 1 otherwise or when the service cannot be reached.
 */
final class ServiceApi {

    private final String base;
    private final String key;

    private ServiceApi(String base, String key) {
        this.base = base;
        this.key = key;
    }

    static ServiceApi from(Options options, Map<String, String> environment) {
        String key = environment.get("CMLFLEET_API_KEY");
        if (key == null || key.isBlank()) {
            throw new UsageException("set $CMLFLEET_API_KEY to an ADMIN key of the service");
        }
        return new ServiceApi(options.value("api", "http://localhost:8080").replaceAll("/+$", ""), key);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery));
    }

    int send(HttpRequest.Builder request, PrintStream out) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.header("X-API-Key", key).timeout(Duration.ofMinutes(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
            out.println("HTTP " + response.statusCode() + " " + response.body());
            return response.statusCode() / 100 == 2 ? 0 : 1;
        } catch (IOException e) {
            out.println("cannot reach the service at " + base + ": " + e.getClass().getSimpleName());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
