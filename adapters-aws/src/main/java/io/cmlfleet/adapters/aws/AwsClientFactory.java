package io.cmlfleet.adapters.aws;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Builds SDK clients. Package-private seam: tests wrap it to count how many clients get built.
 */
interface AwsClientFactory {

    Ec2Client ec2(Region region);

    CloudWatchClient cloudWatch(Region region);
}
