package io.cmlfleet.bootstrap.simulator;

import io.cmlfleet.adapters.aws.AwsAdapterSettings;
import io.cmlfleet.adapters.aws.AwsAdapters;
import io.cmlfleet.adapters.cml.CmlClientSettings;
import io.cmlfleet.adapters.cml.StaticCmlCredentialsProvider;
import io.cmlfleet.application.lifecycle.WorkerLifecycleService;
import io.cmlfleet.application.port.cml.CmlCredentials;
import io.cmlfleet.application.port.cml.CmlCredentialsProvider;
import io.cmlfleet.bootstrap.CmlfleetAutoConfiguration;
import io.cmlfleet.bootstrap.config.AwsProperties;
import io.cmlfleet.bootstrap.config.CmlProperties;
import io.cmlfleet.bootstrap.config.CmlfleetProperties;
import io.cmlfleet.bootstrap.config.InvalidSettingException;
import io.cmlfleet.simulator.FleetProfile;
import io.cmlfleet.simulator.LoopbackAddresses;
import io.cmlfleet.simulator.SimulatedFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * With {@code cmlfleet.simulator.enabled=true}: starts a simulated fleet on loopback and points the real AWS and CML
 * adapters at it (endpoint override, the simulator's CA certificate and port, its CML credentials). Nothing else in
 * cmlfleet knows it is simulated. Every log line about it says SIMULATED.
 */
@AutoConfiguration(before = CmlfleetAutoConfiguration.class)
@ConditionalOnClass(SimulatedFleet.class)
@ConditionalOnProperty(prefix = "cmlfleet.simulator", name = "enabled", havingValue = "true")
@EnableConfigurationProperties({SimulatorProperties.class, CmlfleetProperties.class})
public class SimulatorAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger("io.cmlfleet.simulator");

    /** One per service, unless a host (a test running several nodes on one fleet) brings the fleet itself. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SimulatedFleet simulatedFleet(SimulatorProperties properties, CmlfleetProperties cmlfleet) {
        refuseAwsSettingsTheSimulatorReplaces(cmlfleet.aws());
        FleetProfile profile = FleetProfile.builder()
                .instances(properties.instances())
                .regions(properties.regions().toArray(String[]::new))
                .seed(properties.seed())
                .slowPercent(properties.slowPercent())
                .flakyPercent(properties.flakyPercent())
                .unlicensedPercent(properties.unlicensedPercent())
                .notAdmittedPercent(properties.notAdmittedPercent())
                .licenceExpiredPercent(properties.licenceExpiredPercent())
                .noPublicIpPercent(properties.noPublicIpPercent())
                .pendingDuration(properties.pendingDuration())
                .cmlBootDelay(properties.minCmlBootDelay(), properties.maxCmlBootDelay())
                .build();
        SimulatedFleet fleet = SimulatedFleet.create(profile).start();
        LOG.warn("SIMULATED FLEET: {} simulated instances in {} on loopback (EC2/CloudWatch {}, CML port {}) - this is"
                        + " not AWS", properties.instances(), properties.regions(), fleet.awsEndpoint(),
                fleet.cmlPort());
        return fleet;
    }

    /** The real AWS adapters, aimed at the simulator; the fake keys only satisfy request signing. */
    @Bean(destroyMethod = "close")
    public AwsAdapters cmlfleetAwsAdapters(SimulatedFleet fleet, CmlfleetProperties properties) {
        return AwsAdapters.create(AwsAdapterSettings.defaults()
                .withEndpointOverride(fleet.awsEndpoint())
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIASIMULATEDFLEET00", "simulated-secret")))
                .withRetries(properties.aws().maxAttempts(), Duration.ofMillis(50))
                .withApiCallTimeout(properties.aws().apiCallTimeout())
                .withMetricPeriod(properties.aws().metricPeriod())
                .withDescriptionMaxAge(properties.aws().descriptionMaxAge()));
    }

    /**
     * An operator who set these expects them used, and the simulator replaces them with its own endpoint and keys:
     * refused before the simulated fleet starts, rather than ignored (values stay out: the keys are secrets).
     */
    static void refuseAwsSettingsTheSimulatorReplaces(AwsProperties aws) {
        List<String> replaced = new ArrayList<>();
        if (aws.endpointOverride() != null && !aws.endpointOverride().isBlank()) {
            replaced.add("cmlfleet.aws.endpoint-override");
        }
        if (aws.accessKeyId() != null || aws.secretAccessKey() != null) {
            replaced.add("cmlfleet.aws.access-key-id/secret-access-key");
        }
        if (!replaced.isEmpty()) {
            String first = replaced.get(0).startsWith("cmlfleet.aws.access-key-id")
                    ? "cmlfleet.aws.access-key-id" : replaced.get(0);
            throw new InvalidSettingException(first, String.join(" and ", replaced)
                    + " cannot take effect while cmlfleet.simulator.enabled=true (the simulated fleet provides its"
                    + " own endpoint and keys): remove " + (replaced.size() == 1 ? "it" : "them")
                    + ", or set cmlfleet.simulator.enabled=false to use " + (replaced.size() == 1 ? "it" : "them"));
        }
    }

    /** The real CML client, trusting the simulator's certificate and using its port for port-less endpoints. */
    @Bean
    public CmlClientSettings cmlClientSettings(SimulatedFleet fleet, CmlfleetProperties properties) {
        CmlProperties cml = properties.cml();
        // The fleet's own size: a node given another run's fleet has no instances setting of its own.
        int controllers = fleet.workers().size();
        boolean verify = verifyTls(controllers, cml.verifyTls());
        if (cml.verifyTls() && !verify) {
            LOG.warn("SIMULATED FLEET: {} simulated controllers, and its certificate names only the first {}"
                            + " addresses: CML TLS verification is off for this simulated fleet",
                    controllers, LoopbackAddresses.CERTIFIED_ADDRESSES);
        }
        return CmlClientSettings.defaults()
                .withTimeouts(cml.connectTimeout(), cml.readTimeout())
                .withCaBundlePem(fleet.certificatePem())
                .withVerifyTls(verify)
                .withDefaultPort(fleet.cmlPort());
    }

    /**
     * Whether the CML client verifies the simulated controllers: as configured, except for fleets beyond the
     * addresses the simulator's certificate names, whose controllers would otherwise all fail host name
     * verification (and never become AVAILABLE).
     */
    static boolean verifyTls(int instances, boolean configured) {
        return configured && instances <= LoopbackAddresses.CERTIFIED_ADDRESSES;
    }

    @Bean
    public CmlCredentialsProvider cmlCredentialsProvider(SimulatedFleet fleet) {
        return StaticCmlCredentialsProvider.forWholeFleet(new CmlCredentials(fleet.cmlUsername(), fleet.cmlPassword()));
    }

    @Bean
    public SimulatedFleetImporter simulatedFleetImporter(SimulatedFleet fleet, SimulatorProperties properties,
                                                         WorkerLifecycleService lifecycle, EventStore eventStore) {
        return new SimulatedFleetImporter(fleet, properties.importAtStart(), lifecycle, eventStore);
    }
}
