package io.cmlfleet.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EC2 query protocol: {@code POST /} with a form-encoded body naming the {@code Action}. Implements the actions
 * the AWS adapter uses, with EC2's paging and error rules, against {@link FleetModel}.
 */
final class Ec2QueryApi {

    private static final Logger log = LoggerFactory.getLogger(Ec2QueryApi.class);

    static final int MAX_PAGE = 1000;
    static final int MIN_PAGE = 5;
    static final int MAX_FILTER_VALUES = 200;
    static final int MAX_STATUS_IDS = 100;

    private final FleetModel fleet;
    private final RequestCounters counters;
    private final ThrottleInjector throttle;

    Ec2QueryApi(FleetModel fleet, RequestCounters counters, ThrottleInjector throttle) {
        this.fleet = fleet;
        this.counters = counters;
        this.throttle = throttle;
    }

    void handle(HttpExchange exchange) throws IOException {
        QueryParameters parameters = QueryParameters.parse(new String(Exchanges.body(exchange), StandardCharsets.UTF_8));
        String action = parameters.get("Action");
        counters.increment(action == null ? "ec2:unknown" : action);
        String region = SigV4Region.of(exchange.getRequestHeaders().getFirst("Authorization"),
                fleet.profile.regions().get(0));
        String xml;
        try {
            if (throttle.throttleNext()) {
                counters.increment("fault:throttled");
                throw new Ec2Failure(503, "RequestLimitExceeded", "Request limit exceeded.");
            }
            xml = switch (action == null ? "" : action) {
                case "DescribeInstances" -> describeInstances(region, parameters);
                case "DescribeInstanceStatus" -> describeInstanceStatus(region, parameters);
                case "StartInstances" -> changeStates(region, action, parameters);
                case "StopInstances" -> changeStates(region, action, parameters);
                case "TerminateInstances" -> changeStates(region, action, parameters);
                case "RunInstances" -> runInstances(region, parameters);
                case "CreateTags" -> createTags(region, parameters);
                default -> throw new Ec2Failure(400, "InvalidAction",
                        "The action " + action + " is not valid for this web service.");
            };
        } catch (Ec2Failure failure) {
            log.debug("EC2 {} in {} -> {} {}", action, region, failure.httpStatus(), failure.code());
            Exchanges.send(exchange, failure.httpStatus(), "text/xml;charset=UTF-8",
                    Ec2Xml.error(failure.code(), failure.getMessage()));
            return;
        }
        Exchanges.send(exchange, 200, "text/xml;charset=UTF-8", xml);
    }

    private String describeInstances(String region, QueryParameters parameters) {
        Instant now = fleet.now();
        List<String> explicitIds = parameters.list("InstanceId");
        Map<String, List<String>> filters = parameters.filters();
        List<SimulatedInstance> candidates;
        if (!explicitIds.isEmpty()) {
            // Explicit ids fail the whole call when one is unknown; filters (below) just leave it out.
            candidates = resolve(region, explicitIds, now);
        } else {
            candidates = fleet.inRegion(region);
        }
        List<String> idFilter = filters.remove("instance-id");
        List<String> stateFilter = filters.remove("instance-state-name");
        if (!filters.isEmpty()) {
            throw Ec2Failure.invalidParameter("The filter '" + filters.keySet().iterator().next() + "' is invalid");
        }
        if (idFilter != null && idFilter.size() > MAX_FILTER_VALUES) {
            throw new Ec2Failure(400, "FilterLimitExceeded",
                    "The maximum number of filter values specified on a single call is " + MAX_FILTER_VALUES);
        }
        Set<String> wantedIds = idFilter == null ? null : new LinkedHashSet<>(idFilter);
        int maxResults = pageSize(parameters);
        int position = position(parameters.get("NextToken"));

        List<Ec2Xml.Described> page = new ArrayList<>();
        String nextToken = null;
        for (int i = position; i < candidates.size(); i++) {
            SimulatedInstance instance = candidates.get(i);
            if (wantedIds != null && !wantedIds.contains(instance.instanceId)) {
                continue;
            }
            if (!fleet.visible(instance, now)) {
                continue;
            }
            if (page.size() == maxResults) {
                // Resume here next time: a page costs its own size, not everything before it.
                nextToken = token(i);
                break;
            }
            InstanceState state = fleet.state(instance, now);
            if (stateFilter != null && !stateFilter.contains(state.wireName())) {
                continue;
            }
            page.add(new Ec2Xml.Described(instance, state, instance.publicIpAt(state)));
        }
        return Ec2Xml.describeInstances(page, nextToken);
    }

    private String describeInstanceStatus(String region, QueryParameters parameters) {
        Instant now = fleet.now();
        List<String> ids = parameters.list("InstanceId");
        if (ids.size() > MAX_STATUS_IDS) {
            throw Ec2Failure.invalidParameter("The maximum number of instance IDs is " + MAX_STATUS_IDS);
        }
        boolean includeAll = parameters.booleanValue("IncludeAllInstances");
        List<SimulatedInstance> candidates = ids.isEmpty() ? fleet.inRegion(region) : resolve(region, ids, now);
        int maxResults = ids.isEmpty() ? pageSize(parameters) : Integer.MAX_VALUE;
        int position = ids.isEmpty() ? position(parameters.get("NextToken")) : 0;

        List<Ec2Xml.Status> statuses = new ArrayList<>();
        String nextToken = null;
        for (int i = position; i < candidates.size(); i++) {
            SimulatedInstance instance = candidates.get(i);
            if (!fleet.visible(instance, now)) {
                continue;
            }
            if (statuses.size() == maxResults) {
                nextToken = token(i);
                break;
            }
            InstanceState state = fleet.state(instance, now);
            if (!includeAll && state != InstanceState.RUNNING) {
                continue; // without IncludeAllInstances EC2 reports running instances only
            }
            statuses.add(new Ec2Xml.Status(instance, state, checks(instance, state, now)));
        }
        return Ec2Xml.describeInstanceStatus(statuses, nextToken);
    }

    /** Status checks start as initializing and pass after a while; stopped instances have none. */
    private String checks(SimulatedInstance instance, InstanceState state, Instant now) {
        if (state != InstanceState.RUNNING) {
            return "not-applicable";
        }
        Instant runningSince = instance.lifecycle().runningSince(now, fleet.profile);
        return now.isBefore(runningSince.plus(fleet.profile.statusInitializingDuration())) ? "initializing" : "ok";
    }

    private String changeStates(String region, String action, QueryParameters parameters) {
        Instant now = fleet.now();
        List<String> ids = parameters.list("InstanceId");
        if (ids.isEmpty()) {
            throw new Ec2Failure(400, "MissingParameter", "The request must contain the parameter InstanceId");
        }
        List<SimulatedInstance> instances = resolve(region, ids, now);
        List<StateChange> changes = new ArrayList<>();
        for (SimulatedInstance instance : instances) {
            changes.add(switch (action) {
                case "StartInstances" -> instance.start(now, fleet.profile);
                case "StopInstances" -> instance.stop(now, fleet.profile);
                default -> instance.terminate(now, fleet.profile);
            });
        }
        log.debug("{} in {}: {}", action, region, changes);
        return Ec2Xml.stateChanges(action, changes);
    }

    private String runInstances(String region, QueryParameters parameters) {
        String imageId = parameters.get("ImageId");
        if (imageId == null || imageId.isBlank()) {
            throw new Ec2Failure(400, "MissingParameter", "The request must contain the parameter ImageId");
        }
        int minCount = parameters.intValue("MinCount", 1);
        int maxCount = parameters.intValue("MaxCount", minCount);
        if (minCount < 1 || maxCount < minCount) {
            throw Ec2Failure.invalidParameter("MinCount and MaxCount must be at least 1, MinCount <= MaxCount");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        parameters.indexed("TagSpecification", ".ResourceType").forEach((n, type) -> {
            if ("instance".equals(type)) {
                Map<Integer, String> keys = parameters.indexed("TagSpecification." + n + ".Tag", ".Key");
                keys.forEach((m, key) -> tags.put(key, nullToEmpty(
                        parameters.get("TagSpecification." + n + ".Tag." + m + ".Value"))));
            }
        });
        String instanceType = parameters.get("InstanceType") == null ? "m1.small" : parameters.get("InstanceType");
        List<SimulatedInstance> launched = fleet.launch(region, imageId, instanceType, maxCount,
                parameters.get("ClientToken"), tags);
        Instant now = fleet.now();
        List<Ec2Xml.Described> described = new ArrayList<>();
        for (SimulatedInstance instance : launched) {
            InstanceState state = fleet.state(instance, now);
            described.add(new Ec2Xml.Described(instance, state, instance.publicIpAt(state)));
        }
        return Ec2Xml.runInstances(described);
    }

    private String createTags(String region, QueryParameters parameters) {
        List<String> resources = parameters.list("ResourceId");
        if (resources.isEmpty()) {
            throw new Ec2Failure(400, "MissingParameter", "The request must contain the parameter ResourceId");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        parameters.indexed("Tag", ".Key").forEach((n, key) -> tags.put(key, nullToEmpty(parameters.get("Tag." + n + ".Value"))));
        if (tags.isEmpty()) {
            throw new Ec2Failure(400, "MissingParameter", "The request must contain the parameter Tag");
        }
        resolve(region, resources, fleet.now()).forEach(instance -> instance.tag(tags));
        return Ec2Xml.createTags();
    }

    /** Looks explicit ids up in the region; any unknown one fails the call, as EC2 does. */
    private List<SimulatedInstance> resolve(String region, List<String> ids, Instant now) {
        List<SimulatedInstance> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            SimulatedInstance instance = fleet.find(id);
            if (instance == null || !instance.region.equals(region) || !fleet.visible(instance, now)) {
                missing.add(id);
            } else {
                found.add(instance);
            }
        }
        if (!missing.isEmpty()) {
            throw Ec2Failure.notFound(missing);
        }
        return found;
    }

    private static int pageSize(QueryParameters parameters) {
        String raw = parameters.get("MaxResults");
        if (raw == null) {
            return Integer.MAX_VALUE;
        }
        int size = parameters.intValue("MaxResults", MAX_PAGE);
        if (size < MIN_PAGE || size > MAX_PAGE) {
            throw Ec2Failure.invalidParameter("Value (" + size + ") for parameter maxResults is invalid. "
                    + "Expecting a value between " + MIN_PAGE + " and " + MAX_PAGE + ".");
        }
        return size;
    }

    /**
     * Tokens are opaque to clients; inside they are the position in the region's instance list to resume from. The
     * list only ever grows at its end, so a position stays valid between pages.
     */
    private static String token(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("position:" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int position(String token) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("position:")) {
                return Integer.parseInt(decoded.substring("position:".length()));
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the EC2 error below
        }
        throw new Ec2Failure(400, "InvalidParameterValue", "Unable to parse pagination token");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
