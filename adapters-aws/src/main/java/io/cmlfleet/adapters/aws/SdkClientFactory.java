package io.cmlfleet.adapters.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Builds real SDK clients from {@link AwsAdapterSettings}. */
final class SdkClientFactory implements AwsClientFactory {

    /** Throttling waits longer than other transient errors, as the SDK itself does (1 s vs 100 ms). */
    private static final int THROTTLING_DELAY_FACTOR = 10;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private final AwsAdapterSettings settings;

    SdkClientFactory(AwsAdapterSettings settings) {
        this.settings = settings;
    }

    @Override
    public Ec2Client ec2(Region region) {
        return configure(Ec2Client.builder(), region)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    @Override
    public CloudWatchClient cloudWatch(Region region) {
        return configure(CloudWatchClient.builder(), region)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region) {
        builder.region(region).overrideConfiguration(overrideConfiguration());
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        if (settings.credentialsProvider() != null) {
            builder.credentialsProvider(settings.credentialsProvider());
        }
        return builder;
    }

    private ClientOverrideConfiguration overrideConfiguration() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy())
                .apiCallTimeout(settings.apiCallTimeout())
                .build();
    }

    /**
     * The SDK's standard strategy: it already treats RequestLimitExceeded and Throttling as throttling errors and
     * backs off with jitter; only the attempt count and, when configured, the delays are ours.
     */
    private StandardRetryStrategy retryStrategy() {
        StandardRetryStrategy.Builder builder = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts());
        Duration base = settings.retryBaseDelay();
        if (base != null) {
            builder.backoffStrategy(BackoffStrategy.exponentialDelay(base, MAX_BACKOFF))
                    .throttlingBackoffStrategy(
                            BackoffStrategy.exponentialDelay(base.multipliedBy(THROTTLING_DELAY_FACTOR), MAX_BACKOFF));
        }
        return builder.build();
    }
}
