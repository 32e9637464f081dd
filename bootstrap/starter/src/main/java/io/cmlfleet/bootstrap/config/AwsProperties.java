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
 */
public record AwsProperties(String endpointOverride, String accessKeyId, String secretAccessKey, Integer maxAttempts,
                            Duration apiCallTimeout) {

    private static final AwsAdapterSettings DEFAULTS = AwsAdapterSettings.defaults();

    public AwsProperties {
        maxAttempts = requireNonNullElse(maxAttempts, DEFAULTS.maxAttempts());
        apiCallTimeout = requireNonNullElse(apiCallTimeout, DEFAULTS.apiCallTimeout());
        SettingChecks.atLeast("cmlfleet.aws.max-attempts", maxAttempts, 1);
        SettingChecks.positive("cmlfleet.aws.api-call-timeout", apiCallTimeout);
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
                .withApiCallTimeout(apiCallTimeout);
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
                + ", apiCallTimeout=" + apiCallTimeout + "]";
    }
}
