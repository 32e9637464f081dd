package io.cmlfleet.adapters.cml;

import java.net.http.HttpClient;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How the HTTP client to CML controllers is built. One client (one connection pool, one {@link SSLContext}) serves
 * the fleet, or each worker with its own CA bundle: its connections stay open between calls (HTTP keep-alive, for
 * as long as the controller keeps them), and its SSL context caches the TLS sessions, so a new connection to a
 * controller resumes the session of an earlier one (TLS 1.3 session tickets) instead of a full handshake with
 * certificate verification. docs/benchmarks.md counts the connections a refresh opens.
 */
final class CmlHttpClients {

    private CmlHttpClients() {
    }

    static HttpClient create(SSLContext sslContext, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .sslContext(sslContext)
                // CML's nginx speaks HTTP/1.1; pinning it keeps connection handling predictable.
                .version(HttpClient.Version.HTTP_1_1)
                // A redirect would carry the request elsewhere; CML does not redirect API calls.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
