package io.cmlfleet.adapters.aws;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.CloudAccessException.Kind;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** Turns a port's region string into an SDK region; a blank region falls back to the SDK's default chain. */
final class RegionResolver {

    private RegionResolver() {
    }

    static Region resolve(String region, String operation) {
        if (region != null && !region.isBlank()) {
            return Region.of(region.trim());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new CloudAccessException(Kind.INVALID_REQUEST, null, operation,
                    operation + ": no region given and none configured (AWS_REGION, profile or instance metadata)");
        }
    }
}
