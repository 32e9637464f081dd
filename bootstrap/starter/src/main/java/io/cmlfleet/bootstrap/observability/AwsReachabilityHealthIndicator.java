package io.cmlfleet.bootstrap.observability;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * EC2 and CloudWatch as cmlfleet last experienced them; makes no call itself (AWS calls cost money and may block).
 * UNKNOWN before the first call; DOWN when the last call of either service did not reach AWS (unreachable, timed
 * out, access denied); UP otherwise, throttling and unknown instances included (AWS answered).
 */
class AwsReachabilityHealthIndicator extends AbstractHealthIndicator {

    private final ExternalCallOutcomes outcomes;

    AwsReachabilityHealthIndicator(ExternalCallOutcomes outcomes) {
        super("AWS reachability cannot be told");
        this.outcomes = outcomes;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<CallOutcome> ec2 = outcomes.last(ExternalService.EC2);
        Optional<CallOutcome> cloudWatch = outcomes.last(ExternalService.CLOUDWATCH);
        if (ec2.isEmpty() && cloudWatch.isEmpty()) {
            builder.unknown().withDetail("reason", "no EC2 or CloudWatch call yet");
            return;
        }
        boolean reached = ec2.map(CallOutcome::reached).orElse(true)
                && cloudWatch.map(CallOutcome::reached).orElse(true);
        (reached ? builder.up() : builder.down())
                .withDetail(ExternalService.EC2.tag(), describe(ExternalService.EC2))
                .withDetail(ExternalService.CLOUDWATCH.tag(), describe(ExternalService.CLOUDWATCH));
    }

    private Map<String, Object> describe(ExternalService service) {
        return ServiceOutcomeDetails.of(outcomes, service);
    }
}
