package io.cmlfleet.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What the simulated fleet looks like and how it behaves. Percentages are of the fleet (0..100) and are drawn per
 * instance from {@code seed}, so a profile always produces the same fleet. Build with {@link #builder()}.
 *
 * @param instanceCount             instances that exist when the fleet is created, spread round-robin over regions
 * @param regions                   AWS regions the instances live in; the region of an EC2/CloudWatch request is read
 *                                  from its SigV4 credential scope, as AWS does
 * @param seed                      drives ids, traits and load curves
 * @param initialAge                how long before creation the initial instances were launched; zero means they
 *                                  are still pending, a few minutes means they run and CML is up
 * @param slowPercent               workers whose CML answers after {@code slowResponseDelay}
 * @param flakyPercent              workers whose CML fails every {@code flakyFailureEvery}-th request with 503
 * @param unlicensedPercent         workers whose CML is not licensed
 * @param noPublicIpPercent         workers that never get a public IP
 * @param labsPercent               workers with labs (1..4 labs of 2..60 nodes, most of them started)
 * @param notAdmittedPercent        workers whose CML compute starts not admitted ({@code ONLINE}): CML answers but
 *                                  cannot start nodes
 * @param licenceExpiredPercent     licensed workers whose authorization expired after a failed renewal
 * @param pendingDuration           pending before running, after launch or start
 * @param stoppingDuration          stopping before stopped
 * @param shuttingDownDuration      shutting-down before terminated
 * @param terminatedVisibility      how long a terminated instance is still listed (about an hour on AWS)
 * @param statusInitializingDuration how long the status checks say initializing after an instance runs
 * @param minCmlBootDelay           shortest time from running to a ready CML controller (502 before)
 * @param maxCmlBootDelay           longest such time; each worker draws its own in between
 * @param slowResponseDelay         extra real (wall-clock) latency of slow workers; longer than the client's read
 *                                  timeout turns them into timeouts
 * @param flakyFailureEvery         every n-th CML request of a flaky worker gets a 503
 * @param throttlePercent           share of EC2 and CloudWatch requests refused as throttled
 * @param cmlUsername               the one account every simulated controller accepts
 * @param cmlPassword               its password
 * @param awsPort                   port of the EC2 + CloudWatch endpoint on 127.0.0.1; 0 picks a free one
 * @param cmlPort                   port every simulated controller listens on; 0 picks a free one
 * @param imageId                   AMI of the initial instances
 * @param instanceType              instance type of the initial instances
 */
public record FleetProfile(
        int instanceCount,
        List<String> regions,
        long seed,
        Duration initialAge,
        double slowPercent,
        double flakyPercent,
        double unlicensedPercent,
        double noPublicIpPercent,
        double labsPercent,
        double notAdmittedPercent,
        double licenceExpiredPercent,
        Duration pendingDuration,
        Duration stoppingDuration,
        Duration shuttingDownDuration,
        Duration terminatedVisibility,
        Duration statusInitializingDuration,
        Duration minCmlBootDelay,
        Duration maxCmlBootDelay,
        Duration slowResponseDelay,
        int flakyFailureEvery,
        double throttlePercent,
        String cmlUsername,
        String cmlPassword,
        int awsPort,
        int cmlPort,
        String imageId,
        String instanceType) {

    public FleetProfile {
        if (instanceCount < 0) {
            throw new IllegalArgumentException("instanceCount must not be negative");
        }
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region");
        }
        for (double percent : new double[]{slowPercent, flakyPercent, unlicensedPercent, noPublicIpPercent,
                labsPercent, throttlePercent, notAdmittedPercent, licenceExpiredPercent}) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percentages must be within 0..100");
            }
        }
        for (Duration duration : List.of(initialAge, pendingDuration, stoppingDuration, shuttingDownDuration,
                terminatedVisibility, statusInitializingDuration, minCmlBootDelay, maxCmlBootDelay,
                slowResponseDelay)) {
            if (Objects.requireNonNull(duration, "durations must not be null").isNegative()) {
                throw new IllegalArgumentException("durations must not be negative");
            }
        }
        if (maxCmlBootDelay.compareTo(minCmlBootDelay) < 0) {
            throw new IllegalArgumentException("maxCmlBootDelay must not be shorter than minCmlBootDelay");
        }
        if (flakyFailureEvery < 1) {
            throw new IllegalArgumentException("flakyFailureEvery must be at least 1");
        }
        Objects.requireNonNull(cmlUsername, "cmlUsername");
        Objects.requireNonNull(cmlPassword, "cmlPassword");
        if (awsPort < 0 || awsPort > 65535 || cmlPort < 0 || cmlPort > 65535) {
            throw new IllegalArgumentException("ports must be within 0..65535");
        }
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(instanceType, "instanceType");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Never prints the CML password. */
    @Override
    public String toString() {
        return "FleetProfile[instances=" + instanceCount + ", regions=" + regions + ", seed=" + seed
                + ", slow=" + slowPercent + "%, flaky=" + flakyPercent + "%, unlicensed=" + unlicensedPercent
                + "%, noPublicIp=" + noPublicIpPercent + "%, labs=" + labsPercent + "%, notAdmitted=" + notAdmittedPercent
                + "%, licenceExpired=" + licenceExpiredPercent + "%, throttle=" + throttlePercent
                + "%, cmlBoot=" + minCmlBootDelay + ".." + maxCmlBootDelay + ", awsPort=" + awsPort
                + ", cmlPort=" + cmlPort + "]";
    }

    /** Defaults: 10 instances in us-east-1, a realistic mix of troubles, CML ready 3 to 6 minutes after running. */
    public static final class Builder {
        private int instanceCount = 10;
        private List<String> regions = List.of("us-east-1");
        private long seed = 42;
        private Duration initialAge = Duration.ZERO;
        private double slowPercent = 10;
        private double flakyPercent = 5;
        private double unlicensedPercent = 10;
        private double noPublicIpPercent = 5;
        private double labsPercent = 60;
        private double notAdmittedPercent = 0;
        private double licenceExpiredPercent = 0;
        private Duration pendingDuration = Duration.ofSeconds(5);
        private Duration stoppingDuration = Duration.ofSeconds(10);
        private Duration shuttingDownDuration = Duration.ofSeconds(10);
        private Duration terminatedVisibility = Duration.ofHours(1);
        private Duration statusInitializingDuration = Duration.ofMinutes(2);
        private Duration minCmlBootDelay = Duration.ofMinutes(3);
        private Duration maxCmlBootDelay = Duration.ofMinutes(6);
        private Duration slowResponseDelay = Duration.ofSeconds(2);
        private int flakyFailureEvery = 3;
        private double throttlePercent = 0;
        private String cmlUsername = "admin";
        /** Generated per fleet so that no fixed password ends up in configuration by accident. */
        private String cmlPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        private int awsPort = 0;
        private int cmlPort = 0;
        private String imageId = "ami-0c0ffee0c01290000";
        private String instanceType = "c5.2xlarge";

        private Builder() {
        }

        private Builder(FleetProfile p) {
            instanceCount = p.instanceCount;
            regions = p.regions;
            seed = p.seed;
            initialAge = p.initialAge;
            slowPercent = p.slowPercent;
            flakyPercent = p.flakyPercent;
            unlicensedPercent = p.unlicensedPercent;
            noPublicIpPercent = p.noPublicIpPercent;
            labsPercent = p.labsPercent;
            notAdmittedPercent = p.notAdmittedPercent;
            licenceExpiredPercent = p.licenceExpiredPercent;
            pendingDuration = p.pendingDuration;
            stoppingDuration = p.stoppingDuration;
            shuttingDownDuration = p.shuttingDownDuration;
            terminatedVisibility = p.terminatedVisibility;
            statusInitializingDuration = p.statusInitializingDuration;
            minCmlBootDelay = p.minCmlBootDelay;
            maxCmlBootDelay = p.maxCmlBootDelay;
            slowResponseDelay = p.slowResponseDelay;
            flakyFailureEvery = p.flakyFailureEvery;
            throttlePercent = p.throttlePercent;
            cmlUsername = p.cmlUsername;
            cmlPassword = p.cmlPassword;
            awsPort = p.awsPort;
            cmlPort = p.cmlPort;
            imageId = p.imageId;
            instanceType = p.instanceType;
        }

        public Builder instances(int count) {
            instanceCount = count;
            return this;
        }

        public Builder regions(String... names) {
            regions = List.of(names);
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder initialAge(Duration age) {
            initialAge = age;
            return this;
        }

        /** Every worker healthy, licensed, reachable and quick: a baseline to add single troubles to. */
        public Builder noTroubles() {
            slowPercent = 0;
            flakyPercent = 0;
            unlicensedPercent = 0;
            noPublicIpPercent = 0;
            throttlePercent = 0;
            return this;
        }

        public Builder slowPercent(double percent) {
            slowPercent = percent;
            return this;
        }

        public Builder flakyPercent(double percent) {
            flakyPercent = percent;
            return this;
        }

        public Builder unlicensedPercent(double percent) {
            unlicensedPercent = percent;
            return this;
        }

        public Builder noPublicIpPercent(double percent) {
            noPublicIpPercent = percent;
            return this;
        }

        public Builder notAdmittedPercent(double percent) {
            notAdmittedPercent = percent;
            return this;
        }

        public Builder licenceExpiredPercent(double percent) {
            licenceExpiredPercent = percent;
            return this;
        }

        public Builder labsPercent(double percent) {
            labsPercent = percent;
            return this;
        }

        public Builder pendingDuration(Duration duration) {
            pendingDuration = duration;
            return this;
        }

        public Builder stoppingDuration(Duration duration) {
            stoppingDuration = duration;
            return this;
        }

        public Builder shuttingDownDuration(Duration duration) {
            shuttingDownDuration = duration;
            return this;
        }

        public Builder terminatedVisibility(Duration duration) {
            terminatedVisibility = duration;
            return this;
        }

        public Builder statusInitializingDuration(Duration duration) {
            statusInitializingDuration = duration;
            return this;
        }

        public Builder cmlBootDelay(Duration min, Duration max) {
            minCmlBootDelay = min;
            maxCmlBootDelay = max;
            return this;
        }

        public Builder slowResponseDelay(Duration delay) {
            slowResponseDelay = delay;
            return this;
        }

        public Builder flakyFailureEvery(int n) {
            flakyFailureEvery = n;
            return this;
        }

        public Builder throttlePercent(double percent) {
            throttlePercent = percent;
            return this;
        }

        public Builder cmlCredentials(String username, String password) {
            cmlUsername = username;
            cmlPassword = password;
            return this;
        }

        public Builder awsPort(int port) {
            awsPort = port;
            return this;
        }

        public Builder cmlPort(int port) {
            cmlPort = port;
            return this;
        }

        public Builder image(String ami, String type) {
            imageId = ami;
            instanceType = type;
            return this;
        }

        public FleetProfile build() {
            return new FleetProfile(instanceCount, regions, seed, initialAge, slowPercent, flakyPercent,
                    unlicensedPercent, noPublicIpPercent, labsPercent, notAdmittedPercent, licenceExpiredPercent,
                    pendingDuration, stoppingDuration,
                    shuttingDownDuration, terminatedVisibility, statusInitializingDuration, minCmlBootDelay,
                    maxCmlBootDelay, slowResponseDelay, flakyFailureEvery, throttlePercent, cmlUsername,
                    cmlPassword, awsPort, cmlPort, imageId, instanceType);
        }
    }
}
