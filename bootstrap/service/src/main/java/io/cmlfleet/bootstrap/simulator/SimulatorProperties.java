package io.cmlfleet.bootstrap.simulator;

import io.cmlfleet.bootstrap.config.InvalidSettingException;
import io.cmlfleet.bootstrap.config.SettingChecks;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cmlfleet.simulator.*}: a simulated fleet on loopback, speaking the real EC2, CloudWatch and CML wire formats,
 * that the real adapters are pointed at. Off unless enabled; the runnable application enables it by default. The
 * defaults here are the demo's (a small fleet whose CML comes up within a minute), declared only here.
 *
 * @param enabled           start a simulated fleet and monitor it instead of AWS
 * @param instances         how many simulated instances
 * @param regions           regions the instances are spread over
 * @param seed              the same seed gives the same fleet (ids, troubles, load)
 * @param slowPercent       percent of workers whose controller answers slowly
 * @param flakyPercent      percent of workers whose controller fails now and then
 * @param unlicensedPercent percent of workers whose CML is not licensed
 * @param noPublicIpPercent percent of workers that never get a public IP
 * @param notAdmittedPercent percent of workers whose CML compute is not admitted (ONLINE): CML answers, labs cannot
 *                          start, and the worker's service is ERROR with that reason
 * @param licenceExpiredPercent percent of licensed workers whose authorization expired after a failed renewal
 * @param pendingDuration   how long an instance stays pending
 * @param minCmlBootDelay   shortest time CML takes to come up after the instance runs
 * @param maxCmlBootDelay   longest time CML takes to come up after the instance runs
 * @param importAtStart     import every simulated instance as a worker at start (those already known are skipped)
 */
@ConfigurationProperties(prefix = "cmlfleet.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("12") int instances,
        @DefaultValue({"eu-west-1", "us-east-1"}) List<String> regions,
        @DefaultValue("42") long seed,
        @DefaultValue("10") double slowPercent,
        @DefaultValue("10") double flakyPercent,
        @DefaultValue("10") double unlicensedPercent,
        @DefaultValue("10") double noPublicIpPercent,
        @DefaultValue("10") double notAdmittedPercent,
        @DefaultValue("20") double licenceExpiredPercent,
        @DefaultValue("5s") Duration pendingDuration,
        @DefaultValue("10s") Duration minCmlBootDelay,
        @DefaultValue("40s") Duration maxCmlBootDelay,
        @DefaultValue("true") boolean importAtStart) {

    public SimulatorProperties {
        regions = List.copyOf(regions);
        SettingChecks.atLeast("cmlfleet.simulator.instances", instances, 0);
        if (regions.isEmpty()) {
            throw new InvalidSettingException("cmlfleet.simulator.regions",
                    "cmlfleet.simulator.regions must name at least one region, e.g. eu-west-1");
        }
        SettingChecks.percent("cmlfleet.simulator.slow-percent", slowPercent);
        SettingChecks.percent("cmlfleet.simulator.flaky-percent", flakyPercent);
        SettingChecks.percent("cmlfleet.simulator.unlicensed-percent", unlicensedPercent);
        SettingChecks.percent("cmlfleet.simulator.no-public-ip-percent", noPublicIpPercent);
        SettingChecks.percent("cmlfleet.simulator.not-admitted-percent", notAdmittedPercent);
        SettingChecks.percent("cmlfleet.simulator.licence-expired-percent", licenceExpiredPercent);
        SettingChecks.notNegative("cmlfleet.simulator.pending-duration", pendingDuration);
        SettingChecks.notNegative("cmlfleet.simulator.min-cml-boot-delay", minCmlBootDelay);
        SettingChecks.notLonger("cmlfleet.simulator.min-cml-boot-delay", minCmlBootDelay,
                "cmlfleet.simulator.max-cml-boot-delay", maxCmlBootDelay);
    }
}
