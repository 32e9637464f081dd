package io.cmlfleet.domain.worker.command;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what EC2 reported for the worker's instance at {@code observedAt}. Status checks are EC2's
 * {@code ok}, {@code impaired}, {@code initializing}, {@code insufficient-data} or {@code not-applicable}; null when
 * not known. The state code wins over the name when both are given. */
public record RecordEc2Observation(
        @TargetAggregateIdentifier String workerId,
        String ec2State,
        Integer ec2StateCode,
        String publicIp,
        String privateIp,
        String systemStatusCheck,
        String instanceStatusCheck,
        Instant observedAt) {
}
