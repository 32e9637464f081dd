package io.cmlfleet.bootstrap;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * In the axon-server storage mode, says once at startup which Axon Server cmlfleet uses (servers, context, the
 * component name it shows under in the dashboard, TLS, whether an access token is set; never the token) and, when the
 * application is ready, whether the connection to that context is up. Operators grep for {@code Axon Server}.
 */
public class AxonServerConnectionReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger("io.cmlfleet.axonserver");

    private final AxonServerConfiguration configuration;
    private final AxonServerConnectionManager connections;

    public AxonServerConnectionReport(AxonServerConfiguration configuration, AxonServerConnectionManager connections) {
        this.configuration = configuration;
        this.connections = connections;
        LOG.info(settingsLine());
    }

    /** {@code cmlfleet uses Axon Server at <servers>, context <context>, as component <name>, TLS on|off, ...}. */
    public String settingsLine() {
        boolean token = configuration.getToken() != null && !configuration.getToken().isBlank();
        return "cmlfleet uses Axon Server at " + configuration.getServers() + ", context " + configuration.getContext()
                + ", as component " + configuration.getComponentName() + ", TLS " + (configuration.isSslEnabled()
                ? "on" : "off") + ", access token " + (token ? "set" : "not set");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String context = configuration.getContext();
        if (connections.isConnected(context)) {
            LOG.info("cmlfleet connected to Axon Server context {} at {}", context, configuration.getServers());
        } else {
            LOG.warn("cmlfleet is not connected to Axon Server context {} at {} yet; commands, queries and events wait"
                    + " for the connection (Axon retries in the background)", context, configuration.getServers());
        }
    }
}
