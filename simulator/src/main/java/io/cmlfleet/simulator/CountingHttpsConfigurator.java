package io.cmlfleet.simulator;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import javax.net.ssl.SSLContext;

/**
 * The CML server's TLS configuration, counting connections: the JDK's HTTPS server configures each new connection
 * here once, before its handshake, so {@code tls:connections} divided by the CML requests tells how well clients
 * reuse their connections (keep-alive) instead of paying a TLS handshake per call.
 */
final class CountingHttpsConfigurator extends HttpsConfigurator {

    static final String CONNECTIONS = "tls:connections";

    private final RequestCounters counters;

    CountingHttpsConfigurator(SSLContext context, RequestCounters counters) {
        super(context);
        this.counters = counters;
    }

    @Override
    public void configure(HttpsParameters params) {
        counters.increment(CONNECTIONS);
        super.configure(params);
    }
}
