package io.cmlfleet.bootstrap.config;

import static java.util.Objects.requireNonNullElse;

import io.cmlfleet.adapters.aws.AwsAdapterSettings;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Credentials and region come from the SDK's default chains unless set here.
 *
 * @param endpointOverride endpoint for EC2 and CloudWatch (simulators, compatible endpoints); unset for AWS itself
 * @param accessKeyId      static access key id, for simulators and tests only; unset to use the default chain
 * @param secretAccessKey  static secret access key, for simulators and tests only (never logged)
 * @param maxAttempts      attempts per AWS call, including the first, with the SDK's standard backoff
 * @param apiCallTimeout   how long one AWS call may take in all, retries included
 * @param metricPeriod     the CloudWatch period telemetry is averaged over: 5 minutes for basic monitoring, 1 minute
 *                         for instances with detailed monitoring (a multiple of 60 s)
 * @param descriptionMaxAge how long an instance's DescribeInstances answer (addresses, type, tags) is reused while
 *                          DescribeInstanceStatus, asked on every refresh, reports the same state; a state change
 *                          or a start, stop or tag change made through cmlfleet describes it again. 0 describes
 *                          every instance on every refresh
 */
public record AwsProperties(String endpointOverride, String accessKeyId, String secretAccessKey, Integer maxAttempts,
                            Duration apiCallTimeout, Duration metricPeriod, Duration descriptionMaxAge) {

    private static final AwsAdapterSettings DEFAULTS = AwsAdapterSettings.defaults();

    public AwsProperties {
        maxAttempts = requireNonNullElse(maxAttempts, DEFAULTS.maxAttempts());
        apiCallTimeout = requireNonNullElse(apiCallTimeout, DEFAULTS.apiCallTimeout());
        metricPeriod = requireNonNullElse(metricPeriod, DEFAULTS.metricPeriod());
        descriptionMaxAge = requireNonNullElse(descriptionMaxAge, DEFAULTS.descriptionMaxAge());
        if (descriptionMaxAge.isNegative()) {
            throw new InvalidSettingException("cmlfleet.aws.description-max-age", "cmlfleet.aws.description-max-age ("
                    + descriptionMaxAge + ") must not be negative (0 describes every instance on every refresh)");
        }
        SettingChecks.atLeast("cmlfleet.aws.max-attempts", maxAttempts, 1);
        SettingChecks.positive("cmlfleet.aws.api-call-timeout", apiCallTimeout);
        if (metricPeriod.getSeconds() < 60 || metricPeriod.toMillis() % 60_000 != 0) {
            throw new InvalidSettingException("cmlfleet.aws.metric-period", "cmlfleet.aws.metric-period ("
                    + metricPeriod + ") must be a whole number of minutes, at least 1m (CloudWatch periods are"
                    + " multiples of 60 s)");
        }
        if (endpointOverride != null && !endpointOverride.isBlank()) {
            SettingChecks.httpUrl("cmlfleet.aws.endpoint-override", endpointOverride);
        }
        // One of the two alone used to be dropped without a word, falling back to the default chain.
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new InvalidSettingException("cmlfleet.aws.access-key-id", "cmlfleet.aws.access-key-id and "
                    + "cmlfleet.aws.secret-access-key must be set together (or neither, for the default chain)");
        }
    }

    /** The adapter settings these properties describe, over the adapter's own defaults. */
    public AwsAdapterSettings adapterSettings() {
        AwsAdapterSettings settings = DEFAULTS.withRetries(maxAttempts, DEFAULTS.retryBaseDelay())
                .withApiCallTimeout(apiCallTimeout).withMetricPeriod(metricPeriod)
                .withDescriptionMaxAge(descriptionMaxAge);
        if (endpointOverride != null && !endpointOverride.isBlank()) {
            settings = settings.withEndpointOverride(URI.create(endpointOverride));
        }
        if (accessKeyId != null && secretAccessKey != null) {
            settings = settings.withCredentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
        }
        return settings;
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "AwsProperties[endpointOverride=" + endpointOverride + ", accessKeyId=" + accessKeyId
                + ", secretAccessKey=" + (secretAccessKey == null ? null : "***") + ", maxAttempts=" + maxAttempts
                + ", apiCallTimeout=" + apiCallTimeout + ", metricPeriod=" + metricPeriod
                + ", descriptionMaxAge=" + descriptionMaxAge + "]";
    }
}
