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
 */
public record CmlClientSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxResponseBytes,
        String caBundlePem,
        Map<String, String> perWorkerCaBundles,
        boolean verifyTls,
        Duration rateLimitBackoff) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** 1 MiB: the largest real body (licensing, system_stats of a big cluster) is a few KiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
    /** nginx in front of CML limits logins per minute; half a minute keeps us well clear. */
    public static final Duration DEFAULT_RATE_LIMIT_BACKOFF = Duration.ofSeconds(30);

    public CmlClientSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(rateLimitBackoff, "rateLimitBackoff");
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
        perWorkerCaBundles = Map.copyOf(perWorkerCaBundles == null ? Map.of() : perWorkerCaBundles);
    }

    /** Verification on, JDK trust store, default timeouts and cap. */
    public static CmlClientSettings defaults() {
        return new CmlClientSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES,
                null, Map.of(), true, DEFAULT_RATE_LIMIT_BACKOFF);
    }

    public CmlClientSettings withTimeouts(Duration connect, Duration read) {
        return new CmlClientSettings(connect, read, maxResponseBytes, caBundlePem, perWorkerCaBundles, verifyTls,
                rateLimitBackoff);
    }

    public CmlClientSettings withMaxResponseBytes(int max) {
        return new CmlClientSettings(connectTimeout, readTimeout, max, caBundlePem, perWorkerCaBundles, verifyTls,
                rateLimitBackoff);
    }

    public CmlClientSettings withCaBundlePem(String pem) {
        return new CmlClientSettings(connectTimeout, readTimeout, maxResponseBytes, pem, perWorkerCaBundles, verifyTls,
                rateLimitBackoff);
    }

    public CmlClientSettings withPerWorkerCaBundles(Map<String, String> bundles) {
        return new CmlClientSettings(connectTimeout, readTimeout, maxResponseBytes, caBundlePem, bundles, verifyTls,
                rateLimitBackoff);
    }

    public CmlClientSettings withVerifyTls(boolean verify) {
        return new CmlClientSettings(connectTimeout, readTimeout, maxResponseBytes, caBundlePem, perWorkerCaBundles,
                verify, rateLimitBackoff);
    }

    public CmlClientSettings withRateLimitBackoff(Duration backoff) {
        return new CmlClientSettings(connectTimeout, readTimeout, maxResponseBytes, caBundlePem, perWorkerCaBundles,
                verifyTls, backoff);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
