package io.cmlfleet.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import io.cmlfleet.application.port.cloud.StatusCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Ec2InstanceInventoryTest extends WireMockAwsTestBase {

    private static final Pattern STATUS_ID_PARAM = Pattern.compile("InstanceId\\.\\d+=");

    @Test
    void parsesTheDescribeInstancesFixture() {
        wireMock.stubFor(ec2Action("DescribeInstances").willReturn(xml(200, AwsFixtures.text("describe_instances.xml"))));
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, Ec2Responses.describeInstanceStatus(List.of()))));

        InventoryBatch batch = adapters().inventory().describeAll(REGION, List.of("i-1234567890abcdef0", "i-0gone"));

        InstanceSnapshot instance = batch.instances().get("i-1234567890abcdef0");
        assertThat(instance.stateName()).isEqualTo("running");
        assertThat(instance.stateCode()).isEqualTo(16);
        assertThat(instance.publicIp()).isEqualTo("54.194.252.215");
        assertThat(instance.privateIp()).isEqualTo("192.168.1.88");
        assertThat(instance.instanceType()).isEqualTo("t2.micro");
        assertThat(instance.imageId()).isEqualTo("ami-bff32ccc");
        assertThat(instance.launchTime()).isEqualTo(Instant.parse("2018-05-08T16:46:19Z"));
        assertThat(instance.tags()).containsExactlyEntriesOf(Map.of("Name", "Server_1"));
        assertThat(instance.systemStatus()).isEqualTo(StatusCheck.UNKNOWN);
        assertThat(batch.missing()).containsExactly("i-0gone");

        LoggedRequest request = ec2Requests("DescribeInstances").get(0);
        assertThat(request.getBodyAsString())
                .contains("Filter.1.Name=instance-id")
                .contains("Filter.1.Value.1=i-1234567890abcdef0")
                .contains("Filter.1.Value.2=i-0gone")
                .contains("MaxResults=1000")
                .doesNotContain("InstanceId.1=");
    }

    @Test
    void parsesStatusChecksFromTheDescribeInstanceStatusFixture() {
        List<String> ids = List.of("i-1a2b3c4d", "i-2a2b3c4d", "i-3a2b3c4d", "i-4a2b3c4d", "i-5a2b3c4d");
        wireMock.stubFor(ec2Action("DescribeInstances").willReturn(xml(200, Ec2Responses.describeInstances(ids, null))));
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, AwsFixtures.text("describe_instance_status.xml"))));

        Map<String, InstanceSnapshot> instances = adapters().inventory().describeAll(REGION, ids).instances();

        assertThat(instances.get("i-1a2b3c4d").systemStatus()).isEqualTo(StatusCheck.IMPAIRED);
        assertThat(instances.get("i-1a2b3c4d").instanceStatus()).isEqualTo(StatusCheck.IMPAIRED);
        assertThat(instances.get("i-2a2b3c4d").systemStatus()).isEqualTo(StatusCheck.OK);
        assertThat(instances.get("i-4a2b3c4d").systemStatus()).isEqualTo(StatusCheck.OK);
        assertThat(instances.get("i-4a2b3c4d").instanceStatus()).isEqualTo(StatusCheck.INSUFFICIENT_DATA);
        assertThat(instances.get("i-5a2b3c4d").instanceStatus()).isEqualTo(StatusCheck.INITIALIZING);
        assertThat(ec2Requests("DescribeInstanceStatus").get(0).getBodyAsString())
                .contains("IncludeAllInstances=true")
                .contains("InstanceId.5=i-5a2b3c4d");
    }

    @Test
    void describesTwoThousandFiveHundredInstancesInThreeCalls() {
        List<String> ids = instanceIds(2_500);
        stubRegionPages(ids);
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, Ec2Responses.describeInstanceStatus(List.of()))));

        InventoryBatch batch = adapters().inventory().describeAll(REGION, ids);

        assertThat(batch.instances()).hasSize(2_500);
        assertThat(batch.missing()).isEmpty();
        // ceil(2500 / 1000) pages of MaxResults=1000.
        wireMock.verify(exactly(3), ec2Requested("DescribeInstances"));
        assertThat(ec2Requests("DescribeInstances")).allSatisfy(r -> assertThat(r.getBodyAsString())
                .contains("MaxResults=1000").doesNotContain("Filter.1.Value.201="));
        // Status checks: 2,500 ids at 100 per call.
        wireMock.verify(exactly(25), ec2Requested("DescribeInstanceStatus"));
    }

    @Test
    void upToTwoHundredIdsTakeOneFilteredCall() {
        List<String> ids = instanceIds(200);
        wireMock.stubFor(ec2Action("DescribeInstances").willReturn(xml(200, Ec2Responses.describeInstances(ids, null))));
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, Ec2Responses.describeInstanceStatus(List.of()))));

        adapters().inventory().describeAll(REGION, ids);

        wireMock.verify(exactly(1), ec2Requested("DescribeInstances"));
        assertThat(countFilterValues(ec2Requests("DescribeInstances").get(0).getBodyAsString())).isEqualTo(200);
    }

    @Test
    void switchesToFilteredCallsOfAtMostTwoHundredIdsWhenTheRegionIsMostlyOtherInstances() {
        // 5,000 instances in the region, 450 of them are ours: a scan costs 5 calls, filters ceil(450/200) = 3.
        List<String> region = instanceIds(5_000);
        List<String> ours = region.subList(0, 450);
        stubRegionPages(region);
        for (int first = 0; first < ours.size(); first += 200) {
            List<String> chunk = ours.subList(first, Math.min(first + 200, ours.size()));
            wireMock.stubFor(ec2Action("DescribeInstances").atPriority(1)
                    .withRequestBody(containing("Filter.1.Value.1=" + chunk.get(0) + "&"))
                    .willReturn(xml(200, Ec2Responses.describeInstances(chunk, null))));
        }
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, Ec2Responses.describeInstanceStatus(List.of()))));
        InstanceInventory inventory = adapters().inventory();

        InventoryBatch firstCycle = inventory.describeAll(REGION, ours);
        wireMock.verify(exactly(5), ec2Requested("DescribeInstances"));
        wireMock.resetRequests();
        InventoryBatch secondCycle = inventory.describeAll(REGION, ours);

        assertThat(firstCycle.instances()).hasSize(450);
        assertThat(secondCycle.instances()).hasSize(450);
        List<LoggedRequest> filtered = ec2Requests("DescribeInstances");
        assertThat(filtered).extracting(r -> countFilterValues(r.getBodyAsString()))
                .containsExactlyInAnyOrder(200, 200, 50);
    }

    /** Serves the region's instances in pages of 1000 chained by NextToken, like EC2 does for an unfiltered call. */
    private void stubRegionPages(List<String> regionIds) {
        int pages = (regionIds.size() + 999) / 1000;
        for (int page = 0; page < pages; page++) {
            List<String> slice = regionIds.subList(page * 1000, Math.min((page + 1) * 1000, regionIds.size()));
            String next = page + 1 < pages ? "page-" + (page + 2) : null;
            var stub = ec2Action("DescribeInstances").atPriority(page == 0 ? 9 : 2);
            if (page > 0) {
                stub = stub.withRequestBody(containing("NextToken=page-" + (page + 1)));
            }
            wireMock.stubFor(stub.willReturn(xml(200, Ec2Responses.describeInstances(slice, next))));
        }
    }

    @Test
    void asksForStatusChecksAtMostOneHundredIdsPerCall() {
        List<String> ids = instanceIds(250);
        wireMock.stubFor(ec2Action("DescribeInstances").willReturn(xml(200, Ec2Responses.describeInstances(ids, null))));
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, Ec2Responses.describeInstanceStatus(ids))));

        InventoryBatch batch = adapters().inventory().describeAll(REGION, ids);

        assertThat(batch.instances().values()).allMatch(i -> i.systemStatus() == StatusCheck.OK);
        List<LoggedRequest> statusCalls = ec2Requests("DescribeInstanceStatus");
        assertThat(statusCalls).hasSize(3);
        assertThat(statusCalls).extracting(r -> countIds(r.getBodyAsString())).containsExactlyInAnyOrder(100, 100, 50);
        wireMock.verify(exactly(1), ec2Requested("DescribeInstances"));
    }

    @Test
    void followsNextTokenAcrossDescribeInstancesPages() {
        List<String> ids = List.of("i-0aaa", "i-0bbb", "i-0ccc");
        wireMock.stubFor(ec2Action("DescribeInstances").atPriority(5)
                .willReturn(xml(200, Ec2Responses.describeInstances(ids.subList(0, 1), "page-2-token"))));
        wireMock.stubFor(ec2Action("DescribeInstances").atPriority(1)
                .withRequestBody(containing("NextToken=page-2-token"))
                .willReturn(xml(200, Ec2Responses.describeInstances(ids.subList(1, 3), null))));
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, Ec2Responses.describeInstanceStatus(ids))));

        InventoryBatch batch = adapters().inventory().describeAll(REGION, ids);

        assertThat(batch.instances()).containsOnlyKeys(ids);
        wireMock.verify(exactly(2), ec2Requested("DescribeInstances"));
    }

    @Test
    void coalescesConcurrentSingleInstanceDescribesIntoOneCall() throws Exception {
        List<String> ids = instanceIds(20);
        wireMock.stubFor(ec2Action("DescribeInstances")
                .willReturn(xml(200, Ec2Responses.describeInstances(ids.subList(0, 19), null))));
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, Ec2Responses.describeInstanceStatus(ids.subList(0, 19)))));
        // A generous window: all callers must land in it even on a slow machine; nothing here measures time.
        InstanceInventory inventory = adapters(settings().withCoalescingWindow(Duration.ofSeconds(1))).inventory();

        ExecutorService callers = Executors.newFixedThreadPool(ids.size());
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<CompletableFuture<InstanceSnapshot>>> submitted = new ArrayList<>();
        for (String id : ids) {
            submitted.add(callers.submit(() -> {
                start.await();
                return inventory.describe(REGION, id);
            }));
        }
        start.countDown();
        List<CompletableFuture<InstanceSnapshot>> answers = new ArrayList<>();
        for (var future : submitted) {
            answers.add(future.get(10, TimeUnit.SECONDS));
        }
        callers.shutdown();

        for (int i = 0; i < 19; i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS).instanceId()).isEqualTo(ids.get(i));
        }
        CompletableFuture<InstanceSnapshot> unknown = answers.get(19);
        assertThat(unknown).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .havingCause().isInstanceOfSatisfying(CloudAccessException.class,
                        e -> assertThat(e.kind()).isEqualTo(CloudAccessException.Kind.UNKNOWN_INSTANCE));
        wireMock.verify(exactly(1), ec2Requested("DescribeInstances"));
        assertThat(countFilterValues(ec2Requests("DescribeInstances").get(0).getBodyAsString())).isEqualTo(20);
    }

    @Test
    void aFullCoalescingBatchIsSentWithoutWaitingForTheWindow() {
        List<String> ids = instanceIds(1_000);
        stubRegionPages(ids);
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, Ec2Responses.describeInstanceStatus(List.of()))));
        // A window far longer than the test's patience: only the size trigger can complete these futures.
        InstanceInventory inventory = adapters(settings().withCoalescingWindow(Duration.ofMinutes(10))).inventory();

        List<CompletableFuture<InstanceSnapshot>> answers = ids.stream().map(id -> inventory.describe(REGION, id)).toList();

        assertThat(CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)))
                .succeedsWithin(Duration.ofSeconds(30));
        assertThat(answers.get(999).join().instanceId()).isEqualTo(ids.get(999));
        wireMock.verify(exactly(1), ec2Requested("DescribeInstances"));
    }

    @Test
    void singleInstanceDescribeSurfacesAccessDeniedThroughTheFuture() {
        wireMock.stubFor(ec2Action("DescribeInstances").willReturn(xml(403, AwsFixtures.text("error_unauthorized.xml"))));

        CompletableFuture<InstanceSnapshot> answer = adapters().inventory().describe(REGION, "i-1234567890abcdef0");

        assertThat(answer).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .havingCause().isInstanceOfSatisfying(CloudAccessException.class,
                        e -> assertThat(e.kind()).isEqualTo(CloudAccessException.Kind.ACCESS_DENIED));
    }

    static List<String> instanceIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("i-%017x", i + 1)).toList();
    }

    private static int countIds(String body) {
        Matcher matcher = STATUS_ID_PARAM.matcher(body);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static int countFilterValues(String body) {
        Matcher matcher = Pattern.compile("Filter\\.1\\.Value\\.\\d+=").matcher(body);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
