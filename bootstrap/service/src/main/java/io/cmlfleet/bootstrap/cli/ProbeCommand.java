package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.adapters.cml.CmlClientSettings;
import io.cmlfleet.adapters.cml.HttpCmlControllerClient;
import io.cmlfleet.adapters.cml.StaticCmlCredentialsProvider;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlCredentials;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.application.text.SafeText;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.RefreshGate;
import io.cmlfleet.domain.worker.RefreshGateDecision;
import io.cmlfleet.domain.worker.WorkerInputRules;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code probe https://<host>}: reachability, health, the parsed information, stats, licensing and labs of one CML
 * controller, and what the refresh gate would decide for a RUNNING worker with that endpoint. The password comes from
 * an environment variable, never from the command line (which other users can see). What the controller answers is
 * foreign text and passes {@link SafeText#line}, so it cannot forge a line or send a terminal escape.
 */
final class ProbeCommand implements Command {

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String usage() {
        return "probe <https-endpoint> [--user admin] [--password-env CMLFLEET_CML_PASSWORD] [--ca-bundle file.pem]"
                + " [--port 443] [--insecure]";
    }

    @Override
    public String summary() {
        return "check one CML controller: reachability, health, information, stats, licensing, labs, gate decision";
    }

    @Override
    public int run(Options options, PrintStream out, Map<String, String> environment) {
        String endpoint;
        try {
            endpoint = WorkerInputRules.httpsEndpoint("endpoint", options.positional(0, "the controller's https endpoint"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String passwordVariable = options.value("password-env", "CMLFLEET_CML_PASSWORD");
        String password = environment.getOrDefault(passwordVariable, "");
        CmlClientSettings settings = CmlClientSettings.defaults()
                .withDefaultPort(port(options.value("port", "443")));
        if (options.flag("insecure")) {
            settings = settings.withVerifyTls(false);
        }
        String caBundle = options.value("ca-bundle", null);
        if (caBundle != null) {
            settings = settings.withCaBundlePem(read(caBundle));
        }
        HttpCmlControllerClient client = new HttpCmlControllerClient(settings,
                StaticCmlCredentialsProvider.forWholeFleet(new CmlCredentials(options.value("user", "admin"),
                        password)));
        CmlTarget target = new CmlTarget("probe", URI.create(endpoint));

        out.println("Probing " + endpoint + (password.isEmpty() ? " (no password in $" + passwordVariable + ")" : ""));
        CmlHealthReport health = client.evaluateHealth(target);
        out.println("  health:      " + health.status() + (health.error() == null ? "" : " - " + SafeText.line(health.error()))
                + " (" + health.latency().toMillis() + " ms, reachable=" + health.reachable() + ", valid="
                + health.valid() + ", licensed=" + health.licensed() + ", enterprise=" + health.enterprise() + ")");
        print(out, "information", () -> client.systemInformation(target));
        print(out, "stats", () -> client.systemStats(target));
        print(out, "licensing", () -> client.licensing(target));
        print(out, "labs", () -> client.labs(target, false));
        RefreshGateDecision gate = RefreshGate.decide(WorkerStatus.RUNNING, endpoint, health.status());
        out.println("  refresh gate for a RUNNING worker at this endpoint:");
        out.println("    health check: " + (gate.runHealthCheck() ? "runs" : "skipped - " + gate.healthCheckSkipReason()));
        out.println("    CML API:      " + (gate.queryCmlApi() ? "queried" : "skipped - " + gate.cmlQuerySkipReason()));
        return health.status() == CmlServiceStatus.AVAILABLE ? 0 : 1;
    }

    private static void print(PrintStream out, String what, Supplier<Object> call) {
        try {
            out.println(String.format("  %-12s %s", what + ":", SafeText.line(call.get())));
        } catch (CmlAccessException e) {
            out.println(String.format("  %-12s failed: %s - %s", what + ":", e.kind(), SafeText.line(e.getMessage())));
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Refused below, with the value.
        }
        throw new UsageException("--port must be a whole number from 1 to 65535 (got '" + SafeText.line(value) + "')");
    }

    private static String read(String file) {
        try {
            return Files.readString(PathArgument.of("--ca-bundle", file));
        } catch (IOException e) {
            throw new UsageException("cannot read --ca-bundle " + file + ": " + e.getMessage());
        }
    }
}
