package io.cmlfleet.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cmlfleet.adapters.aws.CloudWatchCbor.Result;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.CloudAccessException.Kind;
import io.cmlfleet.application.port.cloud.TelemetryBatch;
import io.cmlfleet.application.port.cloud.TelemetrySample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudWatchTelemetrySourceTest extends WireMockAwsTestBase {

    private static final String INSTANCE = "i-1234567890abcdef0";
    private static final Instant TO = Instant.ofEpochSecond(1_795_342_500L);
    private static final Instant FROM = TO.minusSeconds(900);

    @Test
    void readsTheFixtureFollowsNextTokenAndSurfacesPartialData() {
        // Page 1 is the real fixture: CPU (PartialData, newest first) plus a NetworkIn series nobody asked for.
        wireMock.stubFor(getMetricData().inScenario("pages").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(cbor(200, AwsFixtures.bytes("get_metric_data.cbor")))
                .willSetStateTo("page-2"));
        wireMock.stubFor(getMetricData().inScenario("pages").whenScenarioStateIs("page-2")
                .willReturn(cbor(200, CloudWatchCbor.getMetricDataResponse(List.of(
                        new Result("mem_i_1234567890abcdef0", List.of(1_795_342_200.0), List.of(41.5), "Complete")),
                        null))));

        TelemetryBatch batch = adapters().telemetry().sample(REGION, List.of(INSTANCE), FROM, TO);

        TelemetrySample sample = batch.samples().get(INSTANCE);
        assertThat(sample.cpuPercent()).isEqualTo(12.5);
        assertThat(sample.memoryPercent()).isEqualTo(41.5);
        assertThat(sample.sampledAt()).isEqualTo(Instant.ofEpochSecond(1_795_342_200L));
        assertThat(batch.partialData()).isTrue();

        List<JsonNode> requests = decodedRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).has("NextToken")).isFalse();
        assertThat(requests.get(1).path("NextToken").asText()).isEqualTo("eyJub2RlIjoiZXhhbXBsZSJ9EXAMPLE");
    }

    @Test
    void asksForAverageCpuAndMemoryByInstanceIdOverTheWindow() {
        wireMock.stubFor(getMetricData().willReturn(cbor(200, CloudWatchCbor.getMetricDataResponse(List.of(), null))));

        adapters().telemetry().sample(REGION, List.of(INSTANCE), FROM, TO);

        JsonNode request = decodedRequests().get(0);
        JsonNode queries = request.path("MetricDataQueries");
        assertThat(queries).hasSize(2);
        JsonNode cpu = queries.get(0);
        assertThat(cpu.path("Id").asText()).isEqualTo("cpu_i_1234567890abcdef0");
        assertThat(cpu.path("MetricStat").path("Metric").path("Namespace").asText()).isEqualTo("AWS/EC2");
        assertThat(cpu.path("MetricStat").path("Metric").path("MetricName").asText()).isEqualTo("CPUUtilization");
        assertThat(cpu.path("MetricStat").path("Metric").path("Dimensions").get(0).path("Name").asText())
                .isEqualTo("InstanceId");
        assertThat(cpu.path("MetricStat").path("Metric").path("Dimensions").get(0).path("Value").asText())
                .isEqualTo(INSTANCE);
        assertThat(cpu.path("MetricStat").path("Stat").asText()).isEqualTo("Average");
        assertThat(cpu.path("MetricStat").path("Period").asInt()).isEqualTo(300);
        JsonNode memory = queries.get(1);
        assertThat(memory.path("MetricStat").path("Metric").path("Namespace").asText()).isEqualTo("CWAgent");
        assertThat(memory.path("MetricStat").path("Metric").path("MetricName").asText()).isEqualTo("mem_used_percent");
        assertThat(request.path("StartTime").asDouble()).isEqualTo(FROM.getEpochSecond());
        assertThat(request.path("EndTime").asDouble()).isEqualTo(TO.getEpochSecond());
    }

    @Test
    void choosesTheNewestDatapointByTimestampKeepsZeroAndReportsMissingAsNull() {
        wireMock.stubFor(getMetricData().willReturn(cbor(200, CloudWatchCbor.getMetricDataResponse(List.of(
                // Oldest first: taking the first element would pick 90.0.
                new Result("cpu_i_0aaa", List.of(1_795_341_600.0, 1_795_341_900.0, 1_795_342_200.0),
                        List.of(90.0, 50.0, 3.0), "Complete"),
                new Result("mem_i_0aaa", List.of(1_795_342_200.0), List.of(0.0), "Complete"),
                new Result("cpu_i_0bbb", List.of(1_795_342_200.0), List.of(0.0), "Complete"),
                new Result("mem_i_0bbb", List.of(), List.of(), "Complete")), null))));

        TelemetryBatch batch = adapters().telemetry().sample(REGION, List.of("i-0aaa", "i-0bbb", "i-0ccc"), FROM, TO);

        assertThat(batch.samples().get("i-0aaa").cpuPercent()).isEqualTo(3.0);
        assertThat(batch.samples().get("i-0aaa").memoryPercent()).isEqualTo(0.0);
        assertThat(batch.samples().get("i-0bbb").cpuPercent()).isEqualTo(0.0);
        assertThat(batch.samples().get("i-0bbb").memoryPercent()).isNull();
        assertThat(batch.samples().get("i-0ccc")).isEqualTo(TelemetrySample.noData("i-0ccc"));
        assertThat(batch.partialData()).isFalse();
    }

    @Test
    void splitsMoreThanFiveHundredQueriesIntoSeveralCalls() {
        wireMock.stubFor(getMetricData().willReturn(cbor(200, CloudWatchCbor.getMetricDataResponse(List.of(), null))));
        List<String> ids = new ArrayList<>(Ec2InstanceInventoryTest.instanceIds(300));

        TelemetryBatch batch = adapters().telemetry().sample(REGION, ids, FROM, TO);

        assertThat(batch.samples()).hasSize(300);
        List<JsonNode> requests = decodedRequests();
        // 300 instances x 2 metrics = 600 queries = 500 + 100.
        assertThat(requests).extracting(r -> r.path("MetricDataQueries").size()).containsExactlyInAnyOrder(500, 100);
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsThrottled() {
        wireMock.stubFor(getMetricData().willReturn(cbor(400, AwsFixtures.bytes("error_throttling_cloudwatch.cbor"))
                .withHeader("x-amzn-query-error", "Throttling;Sender")));

        CloudAccessException error = catchThrowableOfType(CloudAccessException.class,
                () -> adapters().telemetry().sample(REGION, List.of(INSTANCE), FROM, TO));

        assertThat(error.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(error.operation()).isEqualTo("GetMetricData");
        assertThat(error.getCause()).isNull();
        assertThat(cloudWatchRequests()).hasSize(3);
    }

    @Test
    void throttlingThenSuccessReturnsData() {
        wireMock.stubFor(getMetricData().inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(cbor(400, AwsFixtures.bytes("error_throttling_cloudwatch.cbor"))
                        .withHeader("x-amzn-query-error", "Throttling;Sender"))
                .willSetStateTo("ok"));
        wireMock.stubFor(getMetricData().inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(cbor(200, CloudWatchCbor.getMetricDataResponse(List.of(
                        new Result("cpu_i_1234567890abcdef0", List.of(1_795_342_200.0), List.of(7.0), "Complete")),
                        null))));

        TelemetryBatch batch = adapters().telemetry().sample(REGION, List.of(INSTANCE), FROM, TO);

        assertThat(batch.samples().get(INSTANCE).cpuPercent()).isEqualTo(7.0);
        assertThat(cloudWatchRequests()).hasSize(2);
    }

    private static MappingBuilder getMetricData() {
        return post(urlEqualTo(CLOUDWATCH_PATH));
    }

    private List<JsonNode> decodedRequests() {
        return cloudWatchRequests().stream().map(r -> CloudWatchCbor.read(r.getBody())).toList();
    }
}
