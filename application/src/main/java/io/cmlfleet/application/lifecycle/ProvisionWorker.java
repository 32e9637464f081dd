package io.cmlfleet.application.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * Launch a new EC2 instance from a CML AMI and register it as a worker.
 *
 * @param workerId         the id the worker will have
 * @param name             its display name
 * @param region           the AWS region to launch in
 * @param amiId            the CML AMI
 * @param amiName          the AMI's name, for the record (may be null)
 * @param instanceType     the EC2 instance type
 * @param subnetId         the subnet (null: the default VPC's)
 * @param securityGroupIds security groups (empty: the default)
 * @param keyName          the EC2 key pair (may be null)
 * @param tags             tags for the instance; {@code cmlfleet:worker-id} is added
 * @param requestedBy      who asked
 */
public record ProvisionWorker(
        String workerId,
        String name,
        String region,
        String amiId,
        String amiName,
        String instanceType,
        String subnetId,
        List<String> securityGroupIds,
        String keyName,
        Map<String, String> tags,
        String requestedBy) {
}
