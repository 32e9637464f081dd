package io.cmlfleet.adapters.aws;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.CloudAccessException.Kind;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import io.cmlfleet.application.port.cloud.StatusCheck;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * {@link InstanceInventory} on EC2: DescribeInstances for state, addresses and tags, DescribeInstanceStatus for the
 * two reachability checks, both batched per region: N workers cost about ceil(N/1000) + ceil(N/100) calls, not 2N
 * (see {@link #describeInstances}). Descriptions are kept for reuse while EC2 reports an unchanged state (see
 * {@link InstanceDescriptions}), so a region is scanned about once per maximum age, not once per batch.
 */
final class Ec2InstanceInventory implements InstanceInventory {

    private static final Logger log = LoggerFactory.getLogger(Ec2InstanceInventory.class);

    /** The largest page DescribeInstances returns. */
    static final int DESCRIBE_INSTANCES_PAGE = 1000;
    /** EC2 rejects more values than this in one filter (FilterLimitExceeded). */
    static final int FILTER_VALUE_LIMIT = 200;
    /** DescribeInstanceStatus accepts at most 100 explicit instance ids. */
    static final int DESCRIBE_STATUS_BATCH = 100;

    private static final String DESCRIBE_INSTANCES = "DescribeInstances";
    private static final String DESCRIBE_INSTANCE_STATUS = "DescribeInstanceStatus";

    private final RegionalClients clients;
    private final DescribeCoalescer coalescer;
    private final InstanceDescriptions descriptions;
    /** The ids asked for in each region (the fleet's instances there): what a scan would describe for later. */
    private final Map<String, Set<String>> askedForByRegion = new ConcurrentHashMap<>();
    /** Instances seen in each region's last full scan; decides between scanning and filtering next time. */
    private final Map<String, Integer> lastScanSizeByRegion = new ConcurrentHashMap<>();

    Ec2InstanceInventory(RegionalClients clients, DescribeCoalescer.Scheduling scheduling,
                         InstanceDescriptions descriptions) {
        this.clients = clients;
        this.descriptions = descriptions;
        this.coalescer = new DescribeCoalescer(this::describeAll, scheduling, DESCRIBE_INSTANCES_PAGE);
    }

    @Override
    public CompletableFuture<InstanceSnapshot> describe(String region, String instanceId) {
        if (instanceId == null || instanceId.isBlank()) {
            return CompletableFuture.failedFuture(new CloudAccessException(Kind.INVALID_REQUEST, region,
                    DESCRIBE_INSTANCES, DESCRIBE_INSTANCES + " in " + region + ": an instance id is required"));
        }
        return coalescer.describe(region, instanceId.trim());
    }

    @Override
    public InventoryBatch describeAll(String region, Collection<String> instanceIds) {
        Set<String> wanted = distinctIds(instanceIds);
        if (wanted.isEmpty()) {
            return new InventoryBatch(region, Map.of(), Set.of(), true);
        }
        Region sdkRegion = RegionResolver.resolve(region, DESCRIBE_INSTANCES);
        Ec2Client ec2 = clients.ec2(sdkRegion);
        String regionName = sdkRegion.id(); // never null, even when the default region chain picked it

        askedFor(regionName).addAll(wanted);
        Map<String, InstanceSnapshot> snapshots = new LinkedHashMap<>();
        Map<String, InstanceStatus> statusesSeen = new HashMap<>();
        Set<String> toDescribe = reuseDescriptions(ec2, regionName, wanted, snapshots, statusesSeen);
        boolean complete = true;
        if (!toDescribe.isEmpty()) {
            Map<String, Instance> instances = describeInstances(ec2, regionName, toDescribe);
            // A kept instance whose state changed has its status from a moment ago: it is not asked for twice.
            Set<String> statusWanted = new LinkedHashSet<>(instances.keySet());
            statusWanted.removeAll(statusesSeen.keySet());
            StatusLookup statuses = describeStatuses(ec2, regionName, statusWanted);
            statusesSeen.putAll(statuses.byId());
            complete = statuses.complete();
            instances.forEach((id, instance) -> {
                InstanceStatus status = statusesSeen.get(id);
                snapshots.put(id, Ec2Snapshots.snapshot(instance,
                        status == null ? StatusCheck.UNKNOWN : Ec2Snapshots.statusCheck(status.systemStatus()),
                        status == null ? StatusCheck.UNKNOWN : Ec2Snapshots.statusCheck(status.instanceStatus())));
            });
        }
        Set<String> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(snapshots.keySet());
        log.debug("Described {} instances in {}: {} found ({} from kept descriptions), {} missing", wanted.size(),
                region, snapshots.size(), wanted.size() - toDescribe.size(), missing.size());
        return new InventoryBatch(region, snapshots, missing, complete);
    }

    /**
     * Answers from kept descriptions where EC2 still reports the state they recorded: one DescribeInstanceStatus per
     * 100 of them gives the fresh state and checks. Returns the ids that need DescribeInstances: never described,
     * described too long ago, changed state since, or not reported by the status call. The statuses it read are
     * added to {@code statusesSeen}.
     */
    private Set<String> reuseDescriptions(Ec2Client ec2, String region, Set<String> wanted,
                                          Map<String, InstanceSnapshot> snapshots,
                                          Map<String, InstanceStatus> statusesSeen) {
        Map<String, InstanceSnapshot> kept = new LinkedHashMap<>();
        for (String id : wanted) {
            descriptions.fresh(id).ifPresent(described -> kept.put(id, described));
        }
        Set<String> toDescribe = new LinkedHashSet<>(wanted);
        if (kept.isEmpty()) {
            return toDescribe;
        }
        StatusLookup statuses = describeStatuses(ec2, region, kept.keySet());
        statusesSeen.putAll(statuses.byId());
        kept.forEach((id, described) -> {
            InstanceStatus status = statuses.byId().get(id);
            if (status != null && Ec2Snapshots.sameState(described, status)) {
                snapshots.put(id, Ec2Snapshots.withStatus(described, status));
                toDescribe.remove(id);
            }
        });
        return toDescribe;
    }

    /**
     * Picks the cheaper of two ways to describe the wanted instances:
     * <ul>
     *   <li>instance-id filters: EC2 accepts at most 200 filter values per call (FilterLimitExceeded beyond), so
     *       ceil(N/200) calls. Unlike the InstanceIds parameter, a filter does not fail the whole call when one id
     *       is unknown.</li>
     *   <li>a region scan: pages of 1000 with no filter, keeping only wanted ids, so ceil(M/1000) calls for M
     *       instances in the region; for a region that holds just the fleet that is ceil(N/1000).</li>
     * </ul>
     * Up to 200 ids always use one filtered call. Above that the region is scanned, unless the last scan showed
     * the region is so full of other instances that filtered calls are fewer. With kept descriptions the
     * comparison is for every instance of the region that is asked for and has no fresh description, not only this
     * batch: a scan then serves the slots still to come, which filtered calls would each describe again (measured at
     * 10,000 workers: 36 DescribeInstances per cycle against a scan's 10, because every slot of 500 chose its own 3).
     */
    private Map<String, Instance> describeInstances(Ec2Client ec2, String region, Set<String> wanted) {
        Set<String> askedFor = askedFor(region);
        int toCover = wanted.size();
        if (descriptions.enabled()) {
            toCover = Math.max(toCover, (int) askedFor.stream().filter(id -> descriptions.fresh(id).isEmpty()).count());
        }
        int filteredCalls = ceilDiv(toCover, FILTER_VALUE_LIMIT);
        Integer lastScanSize = lastScanSizeByRegion.get(region);
        boolean scan = filteredCalls > 1
                && (lastScanSize == null || ceilDiv(lastScanSize, DESCRIBE_INSTANCES_PAGE) <= filteredCalls);
        Map<String, Instance> found = new LinkedHashMap<>();
        if (scan) {
            descriptions.dropExpired();
            Set<String> listed = new HashSet<>();
            int seen = describePages(ec2, region, null, wanted, found, listed);
            lastScanSizeByRegion.put(region, seen);
            askedFor.retainAll(listed); // gone from the region: no reason to scan for them
        } else {
            for (List<String> chunk : Batches.chunks(wanted, FILTER_VALUE_LIMIT)) {
                describePages(ec2, region, Filter.builder().name("instance-id").values(chunk).build(), wanted, found,
                        new HashSet<>());
            }
        }
        return found;
    }

    private Set<String> askedFor(String region) {
        return askedForByRegion.computeIfAbsent(region, key -> ConcurrentHashMap.newKeySet());
    }

    /** Follows NextToken to the end; returns how many instances EC2 listed, wanted or not. */
    private int describePages(Ec2Client ec2, String region, Filter filter, Set<String> wanted,
                              Map<String, Instance> found, Set<String> listed) {
        int seen = 0;
        String nextToken = null;
        do {
            DescribeInstancesRequest.Builder request = DescribeInstancesRequest.builder()
                    .maxResults(DESCRIBE_INSTANCES_PAGE)
                    .nextToken(nextToken);
            if (filter != null) {
                request.filters(filter);
            }
            DescribeInstancesRequest built = request.build();
            DescribeInstancesResponse response =
                    AwsCalls.call(region, DESCRIBE_INSTANCES, () -> ec2.describeInstances(built));
            for (Reservation reservation : response.reservations()) {
                for (Instance instance : reservation.instances()) {
                    seen++;
                    listed.add(instance.instanceId());
                    // A scan describes the region for every slot of the cycle, not only for this batch.
                    descriptions.remember(Ec2Snapshots.snapshot(instance, StatusCheck.UNKNOWN, StatusCheck.UNKNOWN));
                    if (wanted.contains(instance.instanceId())) {
                        found.put(instance.instanceId(), instance);
                    }
                }
            }
            nextToken = blankToNull(response.nextToken());
        } while (nextToken != null);
        return seen;
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    /**
     * Only ids DescribeInstances returned are asked for, because explicit ids make DescribeInstanceStatus fail on
     * any unknown id. IncludeAllInstances also reports stopped instances (their checks are then not-applicable).
     */
    private StatusLookup describeStatuses(Ec2Client ec2, String region, Set<String> ids) {
        Map<String, InstanceStatus> byId = new HashMap<>();
        boolean complete = true;
        for (List<String> chunk : Batches.chunks(ids, DESCRIBE_STATUS_BATCH)) {
            String nextToken = null;
            try {
                do {
                    DescribeInstanceStatusRequest request = DescribeInstanceStatusRequest.builder()
                            .instanceIds(chunk)
                            .includeAllInstances(true)
                            .nextToken(nextToken)
                            .build();
                    DescribeInstanceStatusResponse response =
                            AwsCalls.call(region, DESCRIBE_INSTANCE_STATUS, () -> ec2.describeInstanceStatus(request));
                    for (InstanceStatus status : response.instanceStatuses()) {
                        byId.put(status.instanceId(), status);
                    }
                    nextToken = blankToNull(response.nextToken());
                } while (nextToken != null);
            } catch (CloudAccessException e) {
                if (e.kind() != Kind.UNKNOWN_INSTANCE) {
                    throw e;
                }
                // An instance vanished between the two calls; its neighbours keep their state, only checks are lost.
                complete = false;
            }
        }
        return new StatusLookup(byId, complete);
    }

    private record StatusLookup(Map<String, InstanceStatus> byId, boolean complete) {
    }

    /** Fails describes still waiting for their window. */
    void close() {
        coalescer.failPending();
    }

    private static Set<String> distinctIds(Collection<String> ids) {
        Set<String> distinct = new LinkedHashSet<>();
        if (ids != null) {
            for (String id : ids) {
                if (id != null && !id.isBlank()) {
                    distinct.add(id.trim());
                }
            }
        }
        return distinct;
    }

    private static String blankToNull(String token) {
        return token == null || token.isBlank() ? null : token;
    }
}
