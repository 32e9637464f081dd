package io.cmlfleet.adapters.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One EC2 and one CloudWatch client per region, built on first use and reused: SDK clients own connection pools
 * and credential caches, so building one per call would waste sockets and re-resolve credentials every time.
 */
final class RegionalClients implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RegionalClients.class);

    private final AwsClientFactory factory;
    private final Map<Region, Ec2Client> ec2Clients = new ConcurrentHashMap<>();
    private final Map<Region, CloudWatchClient> cloudWatchClients = new ConcurrentHashMap<>();

    RegionalClients(AwsClientFactory factory) {
        this.factory = factory;
    }

    Ec2Client ec2(Region region) {
        return ec2Clients.computeIfAbsent(region, r -> {
            log.debug("Creating EC2 client for region {}", r);
            return factory.ec2(r);
        });
    }

    CloudWatchClient cloudWatch(Region region) {
        return cloudWatchClients.computeIfAbsent(region, r -> {
            log.debug("Creating CloudWatch client for region {}", r);
            return factory.cloudWatch(r);
        });
    }

    @Override
    public void close() {
        closeAll(ec2Clients);
        closeAll(cloudWatchClients);
    }

    private static void closeAll(Map<Region, ? extends SdkAutoCloseable> clients) {
        clients.values().forEach(client -> {
            try {
                client.close();
            } catch (RuntimeException e) {
                log.warn("Closing an AWS client failed: {}", e.toString());
            }
        });
        clients.clear();
    }
}
