package io.cmlfleet.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch over Smithy RPC v2 CBOR: {@code POST /service/GraniteServiceVersion20100801/operation/GetMetricData}.
 * Answers {@code AWS/EC2 CPUUtilization} and {@code CWAgent mem_used_percent} by {@code InstanceId} from
 * {@link LoadModel}; any other metric, or an unknown instance, gets an empty but complete result, as CloudWatch does.
 */
final class CloudWatchRpcApi {

    static final String PATH_PREFIX = "/service/GraniteServiceVersion20100801/operation/";
    static final int MAX_QUERIES = 500;
    /** Newest datapoints returned per query; enough for any window the adapter asks for. */
    static final int MAX_DATAPOINTS_PER_QUERY = 100;
    private static final int CBOR_EPOCH_TAG = 1;
    private static final String CBOR = "application/cbor";

    private final CBORFactory factory = new CBORFactory();
    private final ObjectMapper mapper = new ObjectMapper(factory);
    private final FleetModel fleet;
    private final RequestCounters counters;
    private final ThrottleInjector throttle;

    CloudWatchRpcApi(FleetModel fleet, RequestCounters counters, ThrottleInjector throttle) {
        this.fleet = fleet;
        this.counters = counters;
        this.throttle = throttle;
    }

    void handle(HttpExchange exchange) throws IOException {
        String operation = exchange.getRequestURI().getPath().substring(PATH_PREFIX.length());
        counters.increment(operation);
        byte[] request = Exchanges.body(exchange);
        if (throttle.throttleNext()) {
            counters.increment("fault:throttled");
            exchange.getResponseHeaders().set("x-amzn-query-error", "Throttling;Sender");
            error(exchange, 400, "Throttling", "Rate exceeded");
            return;
        }
        if (!"GetMetricData".equals(operation)) {
            error(exchange, 400, "UnknownOperationException", "Operation " + operation + " is not simulated");
            return;
        }
        JsonNode body;
        try {
            body = mapper.readTree(request);
        } catch (IOException e) {
            error(exchange, 400, "SerializationException", "request body is not CBOR");
            return;
        }
        JsonNode queries = body == null ? null : body.get("MetricDataQueries");
        if (queries == null || !queries.isArray() || queries.isEmpty() || queries.size() > MAX_QUERIES) {
            exchange.getResponseHeaders().set("x-amzn-query-error", "InvalidParameterValue;Sender");
            error(exchange, 400, "InvalidParameterValue",
                    "MetricDataQueries must hold between 1 and " + MAX_QUERIES + " queries");
            return;
        }
        Instant start = epoch(body.get("StartTime"));
        Instant end = epoch(body.get("EndTime"));
        boolean ascending = "TimestampAscending".equals(body.path("ScanBy").asText());
        send(exchange, 200, results(queries, start, end, ascending));
    }

    private byte[] results(JsonNode queries, Instant start, Instant end, boolean ascending) throws IOException {
        Instant now = fleet.now();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + queries.size() * 64);
        try (CBORGenerator cbor = factory.createGenerator(out)) {
            cbor.writeStartObject();
            cbor.writeFieldName("MetricDataResults");
            cbor.writeStartArray();
            for (JsonNode query : queries) {
                JsonNode stat = query.path("MetricStat");
                JsonNode metric = stat.path("Metric");
                String namespace = metric.path("Namespace").asText();
                String name = metric.path("MetricName").asText();
                long period = Math.max(60, stat.path("Period").asLong(300));
                SimulatedInstance instance = fleet.find(instanceDimension(metric.path("Dimensions")));
                List<Instant> timestamps = instance == null || start == null || end == null
                        ? List.of() : datapoints(instance, start, end, period, now);
                cbor.writeStartObject();
                cbor.writeStringField("Id", query.path("Id").asText());
                cbor.writeStringField("Label", name);
                cbor.writeFieldName("Timestamps");
                cbor.writeStartArray();
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < timestamps.size(); i++) {
                    Instant at = timestamps.get(ascending ? timestamps.size() - 1 - i : i);
                    Double value = value(namespace, name, instance, at);
                    if (value == null) {
                        continue;
                    }
                    cbor.writeTag(CBOR_EPOCH_TAG);
                    cbor.writeNumber((double) at.getEpochSecond());
                    values.add(value);
                }
                cbor.writeEndArray();
                cbor.writeFieldName("Values");
                cbor.writeStartArray();
                for (double value : values) {
                    cbor.writeNumber(value);
                }
                cbor.writeEndArray();
                cbor.writeStringField("StatusCode", "Complete");
                cbor.writeEndObject();
            }
            cbor.writeEndArray();
            cbor.writeFieldName("Messages");
            cbor.writeStartArray();
            cbor.writeEndArray();
            cbor.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * Period starts within [start, end) that have begun by now and whose period the instance was running in (at its
     * start or by its end), newest first. A datapoint at T summarises [T, T + period), as in CloudWatch.
     */
    private List<Instant> datapoints(SimulatedInstance instance, Instant start, Instant end, long period, Instant now) {
        Lifecycle lifecycle = instance.lifecycle();
        List<Instant> timestamps = new ArrayList<>();
        long last = Math.min(end.getEpochSecond() - 1, now.getEpochSecond());
        long first = Math.floorDiv(start.getEpochSecond() + period - 1, period) * period;
        for (long t = Math.floorDiv(last, period) * period; t >= first && timestamps.size() < MAX_DATAPOINTS_PER_QUERY;
             t -= period) {
            Instant at = Instant.ofEpochSecond(t);
            // Like CloudWatch, a period the instance ran in for part of the time has a datapoint too.
            Instant periodEnd = Instant.ofEpochSecond(Math.min(t + period - 1, now.getEpochSecond()));
            if (lifecycle.wasRunningAt(at, fleet.profile) || lifecycle.wasRunningAt(periodEnd, fleet.profile)) {
                timestamps.add(at);
            }
        }
        return timestamps;
    }

    private Double value(String namespace, String name, SimulatedInstance instance, Instant at) {
        if ("AWS/EC2".equals(namespace) && "CPUUtilization".equals(name)) {
            return fleet.cpuPercent(instance, at);
        }
        if ("CWAgent".equals(namespace) && "mem_used_percent".equals(name)) {
            return fleet.memoryPercent(instance, at);
        }
        return null;
    }

    private static String instanceDimension(JsonNode dimensions) {
        for (JsonNode dimension : dimensions) {
            if ("InstanceId".equals(dimension.path("Name").asText())) {
                return dimension.path("Value").asText();
            }
        }
        return null;
    }

    /** Timestamps arrive as CBOR tag 1 around epoch seconds; Jackson hands over the number inside the tag. */
    private static Instant epoch(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        double seconds = node.doubleValue();
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1_000_000_000L));
    }

    private void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = factory.createGenerator(out)) {
            cbor.writeStartObject();
            cbor.writeStringField("__type", type);
            cbor.writeStringField("message", message);
            cbor.writeEndObject();
        }
        send(exchange, status, out.toByteArray());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
        Exchanges.send(exchange, status, CBOR, body);
    }
}
