package io.cmlfleet.adapters.cml;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the CML client connects.
 *
 * @param connectTimeout     limit for establishing the TCP + TLS connection
 * @param readTimeout        limit for one whole exchange once connected: request sent, headers and body read
 * @param maxResponseBytes   largest body accepted; reading stops as soon as it is exceeded
 * @param caBundlePem        PEM certificates trusted for every controller of the fleet; null means the JDK's
 *                           default trust store (which will not trust CML's self-signed certificate)
 * @param perWorkerCaBundles worker id to PEM certificates; replaces the fleet bundle for that worker
 * @param verifyTls          false switches certificate and host name verification off for every
 *                           controller; meant for labs only, and logged as a warning
 * @param rateLimitBackoff   how long to leave a controller alone after a 429 that carried no Retry-After
 * @param defaultPort        port for an {@code https} endpoint that names none; 443 like a browser. Endpoints come
 *                           from EC2 public IPs without a port, so a controller behind another port (a simulator, a
 *                           port-forward) needs this rather than a rewritten endpoint per worker
 */
public record CmlClientSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxResponseBytes,
        String caBundlePem,
        Map<String, String> perWorkerCaBundles,
        boolean verifyTls,
        Duration rateLimitBackoff,
        int defaultPort) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** 1 MiB: the largest real body (licensing, system_stats of a big cluster) is a few KiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
    /** nginx in front of CML limits logins per minute; half a minute keeps us well clear. */
    public static final Duration DEFAULT_RATE_LIMIT_BACKOFF = Duration.ofSeconds(30);
    /** The HTTPS port CML's nginx listens on. */
    public static final int DEFAULT_HTTPS_PORT = 443;

    public CmlClientSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(rateLimitBackoff, "rateLimitBackoff");
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
        perWorkerCaBundles = Map.copyOf(perWorkerCaBundles == null ? Map.of() : perWorkerCaBundles);
        if (defaultPort < 1 || defaultPort > 65535) {
            throw new IllegalArgumentException("defaultPort must be between 1 and 65535");
        }
    }

    /** The settings as they were before {@code defaultPort} existed: endpoints without a port use 443. */
    public CmlClientSettings(Duration connectTimeout, Duration readTimeout, int maxResponseBytes, String caBundlePem,
                             Map<String, String> perWorkerCaBundles, boolean verifyTls, Duration rateLimitBackoff) {
        this(connectTimeout, readTimeout, maxResponseBytes, caBundlePem, perWorkerCaBundles, verifyTls,
                rateLimitBackoff, DEFAULT_HTTPS_PORT);
    }

    /** Verification on, JDK trust store, default timeouts and cap. */
    public static CmlClientSettings defaults() {
        return new CmlClientSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES,
                null, Map.of(), true, DEFAULT_RATE_LIMIT_BACKOFF);
    }

    public CmlClientSettings withTimeouts(Duration connect, Duration read) {
        return new CmlClientSettings(connect, read, maxResponseBytes, caBundlePem, perWorkerCaBundles, verifyTls,
                rateLimitBackoff, defaultPort);
    }

    public CmlClientSettings withMaxResponseBytes(int max) {
        return new CmlClientSettings(connectTimeout, readTimeout, max, caBundlePem, perWorkerCaBundles, verifyTls,
                rateLimitBackoff, defaultPort);
    }

    public CmlClientSettings withCaBundlePem(String pem) {
        return new CmlClientSettings(connectTimeout, readTimeout, maxResponseBytes, pem, perWorkerCaBundles, verifyTls,
                rateLimitBackoff, defaultPort);
    }

    public CmlClientSettings withPerWorkerCaBundles(Map<String, String> bundles) {
        return new CmlClientSettings(connectTimeout, readTimeout, maxResponseBytes, caBundlePem, bundles, verifyTls,
                rateLimitBackoff, defaultPort);
    }

    public CmlClientSettings withVerifyTls(boolean verify) {
        return new CmlClientSettings(connectTimeout, readTimeout, maxResponseBytes, caBundlePem, perWorkerCaBundles,
                verify, rateLimitBackoff, defaultPort);
    }

    public CmlClientSettings withRateLimitBackoff(Duration backoff) {
        return new CmlClientSettings(connectTimeout, readTimeout, maxResponseBytes, caBundlePem, perWorkerCaBundles,
                verifyTls, backoff, defaultPort);
    }

    public CmlClientSettings withDefaultPort(int port) {
        return new CmlClientSettings(connectTimeout, readTimeout, maxResponseBytes, caBundlePem, perWorkerCaBundles,
                verifyTls, rateLimitBackoff, port);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
