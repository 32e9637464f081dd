package io.cmlfleet.adapters.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How the AWS adapters reach AWS.
 *
 * @param endpointOverride    send every EC2 and CloudWatch call to this endpoint instead of the regional AWS one
 *                            (tests, simulators, compatible endpoints); null for real AWS
 * @param credentialsProvider where credentials come from; null means the SDK's default chain (environment,
 *                            system properties, web identity, profile, container, instance profile)
 * @param maxAttempts         total attempts per call including the first, for the SDK's standard retry strategy
 * @param retryBaseDelay      base of the exponential backoff between attempts (throttled attempts wait ten times
 *                            longer); null keeps the SDK's defaults (100 ms, throttling 1 s)
 * @param coalescingWindow    how long a single-instance describe waits for others to join its batch
 * @param apiCallTimeout      upper bound for one API call including all retries
 * @param metricPeriod        CloudWatch aggregation period (a multiple of 60 s); 5 minutes matches basic monitoring
 * @param descriptionMaxAge   how long a DescribeInstances answer is reused while DescribeInstanceStatus reports the
 *                            same state (addresses, type and tags are then at most this old); zero describes every
 *                            instance on every call
 */
public record AwsAdapterSettings(
        URI endpointOverride,
        AwsCredentialsProvider credentialsProvider,
        int maxAttempts,
        Duration retryBaseDelay,
        Duration coalescingWindow,
        Duration apiCallTimeout,
        Duration metricPeriod,
        Duration descriptionMaxAge) {

    /** The SDK standard retry mode's default. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Long enough to gather the per-worker requests of one refresh tick, short enough to go unnoticed. */
    public static final Duration DEFAULT_COALESCING_WINDOW = Duration.ofMillis(25);
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_METRIC_PERIOD = Duration.ofMinutes(5);
    /** One normal refresh interval: a region is scanned about once per cycle of the default cadence. */
    public static final Duration DEFAULT_DESCRIPTION_MAX_AGE = Duration.ofMinutes(5);

    public AwsAdapterSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (retryBaseDelay != null && retryBaseDelay.isNegative()) {
            throw new IllegalArgumentException("retryBaseDelay must not be negative");
        }
        Objects.requireNonNull(coalescingWindow, "coalescingWindow");
        if (coalescingWindow.isNegative()) {
            throw new IllegalArgumentException("coalescingWindow must not be negative");
        }
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        if (apiCallTimeout.isZero() || apiCallTimeout.isNegative()) {
            throw new IllegalArgumentException("apiCallTimeout must be positive");
        }
        Objects.requireNonNull(metricPeriod, "metricPeriod");
        if (metricPeriod.getSeconds() < 60 || metricPeriod.getSeconds() % 60 != 0) {
            throw new IllegalArgumentException("metricPeriod must be a positive multiple of 60 seconds");
        }
        Objects.requireNonNull(descriptionMaxAge, "descriptionMaxAge");
        if (descriptionMaxAge.isNegative()) {
            throw new IllegalArgumentException("descriptionMaxAge must not be negative");
        }
    }

    /** Real AWS, default credential chain, SDK retry defaults. */
    public static AwsAdapterSettings defaults() {
        return new AwsAdapterSettings(null, null, DEFAULT_MAX_ATTEMPTS, null,
                DEFAULT_COALESCING_WINDOW, DEFAULT_API_CALL_TIMEOUT, DEFAULT_METRIC_PERIOD, DEFAULT_DESCRIPTION_MAX_AGE);
    }

    public AwsAdapterSettings withEndpointOverride(URI endpoint) {
        return new AwsAdapterSettings(endpoint, credentialsProvider, maxAttempts, retryBaseDelay,
                coalescingWindow, apiCallTimeout, metricPeriod, descriptionMaxAge);
    }

    public AwsAdapterSettings withCredentialsProvider(AwsCredentialsProvider provider) {
        return new AwsAdapterSettings(endpointOverride, provider, maxAttempts, retryBaseDelay,
                coalescingWindow, apiCallTimeout, metricPeriod, descriptionMaxAge);
    }

    public AwsAdapterSettings withRetries(int attempts, Duration baseDelay) {
        return new AwsAdapterSettings(endpointOverride, credentialsProvider, attempts, baseDelay,
                coalescingWindow, apiCallTimeout, metricPeriod, descriptionMaxAge);
    }

    public AwsAdapterSettings withCoalescingWindow(Duration window) {
        return new AwsAdapterSettings(endpointOverride, credentialsProvider, maxAttempts, retryBaseDelay,
                window, apiCallTimeout, metricPeriod, descriptionMaxAge);
    }

    public AwsAdapterSettings withApiCallTimeout(Duration timeout) {
        return new AwsAdapterSettings(endpointOverride, credentialsProvider, maxAttempts, retryBaseDelay,
                coalescingWindow, timeout, metricPeriod, descriptionMaxAge);
    }

    public AwsAdapterSettings withMetricPeriod(Duration period) {
        return new AwsAdapterSettings(endpointOverride, credentialsProvider, maxAttempts, retryBaseDelay,
                coalescingWindow, apiCallTimeout, period, descriptionMaxAge);
    }

    public AwsAdapterSettings withDescriptionMaxAge(Duration maxAge) {
        return new AwsAdapterSettings(endpointOverride, credentialsProvider, maxAttempts, retryBaseDelay,
                coalescingWindow, apiCallTimeout, metricPeriod, maxAge);
    }

    /** Never prints the credentials provider's state, only whether one was configured. */
    @Override
    public String toString() {
        return "AwsAdapterSettings[endpointOverride=" + endpointOverride
                + ", credentialsProvider=" + (credentialsProvider == null ? "default chain" : "custom")
                + ", maxAttempts=" + maxAttempts + ", retryBaseDelay=" + retryBaseDelay
                + ", coalescingWindow=" + coalescingWindow + ", apiCallTimeout=" + apiCallTimeout
                + ", metricPeriod=" + metricPeriod + ", descriptionMaxAge=" + descriptionMaxAge + "]";
    }
}
