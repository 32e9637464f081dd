package io.cmlfleet.bootstrap.simulator;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cmlfleet.simulator.*}: a simulated fleet on loopback, speaking the real EC2, CloudWatch and CML wire formats,
 * that the real adapters are pointed at. Off unless enabled; the runnable application enables it by default.
 */
@ConfigurationProperties(prefix = "cmlfleet.simulator")
public class SimulatorProperties {

    /** Start a simulated fleet and monitor it instead of AWS. */
    private boolean enabled = false;
    /** How many simulated instances. */
    private int instances = 12;
    /** Regions the instances are spread over. */
    private List<String> regions = List.of("eu-west-1", "us-east-1");
    /** Seed: the same seed gives the same fleet (ids, troubles, load). */
    private long seed = 42;
    /** Percent of workers whose controller answers slowly. */
    private double slowPercent = 10;
    /** Percent of workers whose controller fails now and then. */
    private double flakyPercent = 10;
    /** Percent of workers whose CML is not licensed. */
    private double unlicensedPercent = 10;
    /** Percent of workers that never get a public IP. */
    private double noPublicIpPercent = 10;
    /** How long an instance stays pending. */
    private Duration pendingDuration = Duration.ofSeconds(5);
    /** Shortest time CML takes to come up after the instance runs. */
    private Duration minCmlBootDelay = Duration.ofSeconds(10);
    /** Longest time CML takes to come up after the instance runs. */
    private Duration maxCmlBootDelay = Duration.ofSeconds(40);
    /** Import every simulated instance as a worker at start (those already known are skipped). */
    private boolean importAtStart = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getInstances() {
        return instances;
    }

    public void setInstances(int instances) {
        this.instances = instances;
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = regions;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    public double getSlowPercent() {
        return slowPercent;
    }

    public void setSlowPercent(double slowPercent) {
        this.slowPercent = slowPercent;
    }

    public double getFlakyPercent() {
        return flakyPercent;
    }

    public void setFlakyPercent(double flakyPercent) {
        this.flakyPercent = flakyPercent;
    }

    public double getUnlicensedPercent() {
        return unlicensedPercent;
    }

    public void setUnlicensedPercent(double unlicensedPercent) {
        this.unlicensedPercent = unlicensedPercent;
    }

    public double getNoPublicIpPercent() {
        return noPublicIpPercent;
    }

    public void setNoPublicIpPercent(double noPublicIpPercent) {
        this.noPublicIpPercent = noPublicIpPercent;
    }

    public Duration getPendingDuration() {
        return pendingDuration;
    }

    public void setPendingDuration(Duration pendingDuration) {
        this.pendingDuration = pendingDuration;
    }

    public Duration getMinCmlBootDelay() {
        return minCmlBootDelay;
    }

    public void setMinCmlBootDelay(Duration minCmlBootDelay) {
        this.minCmlBootDelay = minCmlBootDelay;
    }

    public Duration getMaxCmlBootDelay() {
        return maxCmlBootDelay;
    }

    public void setMaxCmlBootDelay(Duration maxCmlBootDelay) {
        this.maxCmlBootDelay = maxCmlBootDelay;
    }

    public boolean isImportAtStart() {
        return importAtStart;
    }

    public void setImportAtStart(boolean importAtStart) {
        this.importAtStart = importAtStart;
    }
}
