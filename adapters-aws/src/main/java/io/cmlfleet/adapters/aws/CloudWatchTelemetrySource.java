package io.cmlfleet.adapters.aws;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.CloudAccessException.Kind;
import io.cmlfleet.application.port.cloud.TelemetryBatch;
import io.cmlfleet.application.port.cloud.TelemetrySample;
import io.cmlfleet.application.port.cloud.TelemetrySource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * {@link TelemetrySource} on CloudWatch GetMetricData: two queries per instance (CPU from {@code AWS/EC2}, memory
 * from the CloudWatch agent's {@code CWAgent} namespace), up to 500 queries, i.e. 250 instances, per call.
 */
final class CloudWatchTelemetrySource implements TelemetrySource {

    private static final Logger log = LoggerFactory.getLogger(CloudWatchTelemetrySource.class);

    /** GetMetricData accepts at most 500 metric queries per call. */
    static final int MAX_QUERIES_PER_CALL = 500;
    private static final String OPERATION = "GetMetricData";
    private static final String STATISTIC = "Average";

    private final RegionalClients clients;
    private final int periodSeconds;

    CloudWatchTelemetrySource(RegionalClients clients, AwsAdapterSettings settings) {
        this.clients = clients;
        this.periodSeconds = Math.toIntExact(settings.metricPeriod().getSeconds());
    }

    @Override
    public TelemetryBatch sample(String region, Collection<String> instanceIds, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new CloudAccessException(Kind.INVALID_REQUEST, region, OPERATION,
                    OPERATION + " in " + region + ": the telemetry window must have a start before its end");
        }
        Set<String> ids = new LinkedHashSet<>();
        if (instanceIds != null) {
            instanceIds.stream().filter(id -> id != null && !id.isBlank()).map(String::trim).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            return new TelemetryBatch(region, Map.of(), false, List.of());
        }
        CloudWatchClient cloudWatch = clients.cloudWatch(RegionResolver.resolve(region, OPERATION));

        Map<String, QueryTarget> targets = new LinkedHashMap<>();
        List<MetricDataQuery> queries = new ArrayList<>();
        for (String id : ids) {
            for (WorkerMetric metric : WorkerMetric.values()) {
                String queryId = metric.queryId(id);
                targets.put(queryId, new QueryTarget(id, metric));
                queries.add(query(queryId, metric, id));
            }
        }

        Map<String, Datapoint> newest = new HashMap<>();
        boolean partial = false;
        List<String> messages = new ArrayList<>();
        // Both queries of one instance are adjacent, and 500 is even, so an instance is never split across calls.
        for (List<MetricDataQuery> chunk : Batches.chunks(queries, MAX_QUERIES_PER_CALL)) {
            String nextToken = null;
            do {
                GetMetricDataRequest request = GetMetricDataRequest.builder()
                        .metricDataQueries(chunk)
                        .startTime(from)
                        .endTime(to)
                        .scanBy(ScanBy.TIMESTAMP_DESCENDING)
                        .nextToken(nextToken)
                        .build();
                GetMetricDataResponse response = AwsCalls.call(region, OPERATION, () -> cloudWatch.getMetricData(request));
                for (MetricDataResult result : response.metricDataResults()) {
                    if (!targets.containsKey(result.id())) {
                        log.debug("Ignoring unrequested metric result {}", result.id());
                        continue;
                    }
                    if (result.statusCode() == StatusCode.PARTIAL_DATA) {
                        partial = true;
                    }
                    Datapoint candidate = Datapoint.newestOf(result);
                    if (candidate != null) {
                        newest.merge(result.id(), candidate, Datapoint::newer);
                    }
                }
                for (MessageData message : response.messages()) {
                    messages.add(message.code() + ": " + message.value());
                }
                nextToken = response.nextToken() == null || response.nextToken().isBlank() ? null : response.nextToken();
            } while (nextToken != null);
        }

        Map<String, TelemetrySample> samples = new LinkedHashMap<>();
        for (String id : ids) {
            Datapoint cpu = newest.get(WorkerMetric.CPU.queryId(id));
            Datapoint memory = newest.get(WorkerMetric.MEMORY.queryId(id));
            Datapoint latest = Datapoint.newer(cpu, memory);
            Instant sampledAt = latest == null ? null : latest.timestamp();
            samples.put(id, new TelemetrySample(id,
                    cpu == null ? null : cpu.value(),
                    memory == null ? null : memory.value(),
                    sampledAt));
        }
        if (partial) {
            log.info("CloudWatch returned PartialData for {} in {}; figures may not be the newest", OPERATION, region);
        }
        return new TelemetryBatch(region, samples, partial, messages);
    }

    private MetricDataQuery query(String queryId, WorkerMetric metric, String instanceId) {
        return MetricDataQuery.builder()
                .id(queryId)
                .returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(Metric.builder()
                                .namespace(metric.namespace())
                                .metricName(metric.metricName())
                                .dimensions(Dimension.builder().name("InstanceId").value(instanceId).build())
                                .build())
                        .period(periodSeconds)
                        .stat(STATISTIC)
                        .build())
                .build();
    }

    private record QueryTarget(String instanceId, WorkerMetric metric) {
    }
}
