package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.text.SafeText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.axonserver.connector.AxonServerConfiguration;

/**
 * The Axon Server a store-reading command reads from: {@code --axon-server host:port[,host:port]}, {@code --context}
 * (default {@code default}), {@code --tls} and {@code --ca-bundle} (a PEM to trust; implies TLS). The access token
 * comes only from {@code $CMLFLEET_AXON_TOKEN}: a command line is visible to every user of the machine.
 *
 * @param token the access token, or null; never printed (see {@link #toString()})
 */
record AxonServerTarget(String servers, String context, boolean tls, Path caBundle, String token) {

    static final String TOKEN_VARIABLE = "CMLFLEET_AXON_TOKEN";
    static final String DEFAULT_CONTEXT = "default";
    /** Host names, IPv4 and bracketed IPv6 addresses, then a port. */
    private static final Pattern SERVER = Pattern.compile("([A-Za-z0-9._-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]):(\\d{1,5})");
    /** Axon Server's context names: letters, digits, '-' and '_' (and '@' for its admin context). */
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_@-]{1,64}");

    static boolean requested(Options options) {
        return options.value("axon-server", null) != null;
    }

    static AxonServerTarget from(Options options, Map<String, String> environment) {
        if (options.value("token", null) != null) {
            throw new UsageException("the access token is read from $" + TOKEN_VARIABLE + ", never from the command line");
        }
        String servers = options.value("axon-server", "");
        for (String server : servers.split(",", -1)) {
            var matcher = SERVER.matcher(server);
            if (!matcher.matches() || Integer.parseInt(matcher.group(2)) < 1
                    || Integer.parseInt(matcher.group(2)) > 65535) {
                throw new UsageException("--axon-server must be host:port[,host:port...] with ports 1-65535 (got '"
                        + SafeText.line(servers) + "')");
            }
        }
        String context = options.value("context", DEFAULT_CONTEXT);
        if (!CONTEXT.matcher(context).matches()) {
            throw new UsageException("--context must be 1-64 letters, digits, '-' or '_' (got '"
                    + SafeText.line(context) + "')");
        }
        Path caBundle = null;
        if (options.value("ca-bundle", null) != null) {
            caBundle = PathArgument.of("--ca-bundle", options.value("ca-bundle", null));
            if (!Files.isReadable(caBundle)) {
                throw new UsageException("--ca-bundle " + SafeText.line(caBundle.toString()) + " is not a readable file");
            }
        }
        String token = environment.get(TOKEN_VARIABLE);
        return new AxonServerTarget(servers, context, options.flag("tls") || caBundle != null, caBundle,
                token == null || token.isBlank() ? null : token);
    }

    /** A connector configuration for short reads: no heartbeats, a bounded connect, cmlfleet's serializers. */
    AxonServerConfiguration configuration() {
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        configuration.setServers(servers);
        configuration.setContext(context);
        // Its own component name, so that the dashboard tells an investigation from the service's nodes.
        configuration.setComponentName("cmlfleet-cli");
        configuration.setToken(token);
        configuration.setSslEnabled(tls);
        if (caBundle != null) {
            configuration.setCertFile(caBundle.toString());
        }
        configuration.getHeartbeat().setEnabled(false);
        configuration.setConnectTimeout(5_000);
        return configuration;
    }

    /** How messages name the store: servers and context, never the token. */
    String describe() {
        return "Axon Server " + servers + " (context " + context + (tls ? ", TLS" : "") + ")";
    }

    @Override
    public String toString() {
        return "AxonServerTarget" + Arrays.asList(servers, context, tls, caBundle, token == null ? "no token" : "token set");
    }
}
