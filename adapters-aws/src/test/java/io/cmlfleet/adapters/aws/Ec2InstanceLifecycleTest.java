package io.cmlfleet.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.port.cloud.InstanceLifecycle;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.LaunchRequest;
import io.cmlfleet.application.port.cloud.StateTransition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ec2InstanceLifecycleTest extends WireMockAwsTestBase {

    private static final String INSTANCE = "i-1234567890abcdef0";

    @Test
    void launchSendsImageTypeNetworkKeyAndTagsAndParsesTheNewInstance() {
        wireMock.stubFor(ec2Action("RunInstances").willReturn(xml(200, Ec2Responses.runInstances("i-0new0000000000001"))));
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", "cml-worker-1");
        tags.put("cmlfleet:worker", "w-42");
        LaunchRequest request = new LaunchRequest("ami-0cml29", "c5.2xlarge", "subnet-56f5f633",
                List.of("sg-e4076980", "sg-0cml"), "cml-key", tags, "launch-w-42");

        InstanceSnapshot launched = adapters().lifecycle().launch(REGION, request);

        assertThat(launched.instanceId()).isEqualTo("i-0new0000000000001");
        assertThat(launched.stateName()).isEqualTo("pending");
        assertThat(launched.stateCode()).isZero();
        assertThat(launched.privateIp()).isEqualTo("10.0.0.42");
        assertThat(launched.publicIp()).isNull();
        Map<String, String> params = params(ec2Requests("RunInstances").get(0).getBodyAsString());
        assertThat(params).contains(
                Map.entry("Action", "RunInstances"),
                Map.entry("ImageId", "ami-0cml29"),
                Map.entry("InstanceType", "c5.2xlarge"),
                Map.entry("MinCount", "1"),
                Map.entry("MaxCount", "1"),
                Map.entry("SubnetId", "subnet-56f5f633"),
                Map.entry("SecurityGroupId.1", "sg-e4076980"),
                Map.entry("SecurityGroupId.2", "sg-0cml"),
                Map.entry("KeyName", "cml-key"),
                Map.entry("ClientToken", "launch-w-42"),
                Map.entry("TagSpecification.1.ResourceType", "instance"),
                Map.entry("TagSpecification.1.Tag.1.Key", "Name"),
                Map.entry("TagSpecification.1.Tag.1.Value", "cml-worker-1"),
                Map.entry("TagSpecification.1.Tag.2.Key", "cmlfleet:worker"),
                Map.entry("TagSpecification.1.Tag.2.Value", "w-42"));
    }

    @Test
    void launchWithoutClientTokenStillSendsOneSoRetriesCannotLaunchTwice() {
        wireMock.stubFor(ec2Action("RunInstances").willReturn(xml(200, Ec2Responses.runInstances("i-0new0000000000002"))));

        adapters().lifecycle().launch(REGION,
                new LaunchRequest("ami-0cml29", "c5.2xlarge", null, List.of(), null, Map.of(), null));

        Map<String, String> params = params(ec2Requests("RunInstances").get(0).getBodyAsString());
        assertThat(params.get("ClientToken")).isNotBlank();
        assertThat(params).doesNotContainKeys("SubnetId", "KeyName", "TagSpecification.1.ResourceType");
    }

    @Test
    void startStopAndTerminateSendTheirActionAndParseTheFixtures() {
        wireMock.stubFor(ec2Action("StartInstances").willReturn(xml(200, AwsFixtures.text("start_instances.xml"))));
        wireMock.stubFor(ec2Action("StopInstances").willReturn(xml(200, AwsFixtures.text("stop_instances.xml"))));
        wireMock.stubFor(ec2Action("TerminateInstances").willReturn(xml(200, AwsFixtures.text("terminate_instances.xml"))));
        InstanceLifecycle lifecycle = adapters().lifecycle();

        StateTransition started = lifecycle.start(REGION, INSTANCE);
        StateTransition stopped = lifecycle.stop(REGION, INSTANCE);
        StateTransition terminated = lifecycle.terminate(REGION, INSTANCE);

        assertThat(started).isEqualTo(new StateTransition(INSTANCE, "stopped", 80, "pending", 0));
        assertThat(stopped).isEqualTo(new StateTransition(INSTANCE, "running", 16, "stopping", 64));
        assertThat(terminated).isEqualTo(new StateTransition(INSTANCE, "running", 16, "shutting-down", 32));
        for (String action : List.of("StartInstances", "StopInstances", "TerminateInstances")) {
            wireMock.verify(exactly(1), ec2Requested(action));
            assertThat(params(ec2Requests(action).get(0).getBodyAsString())).containsEntry("InstanceId.1", INSTANCE);
        }
    }

    @Test
    void createTagsSendsResourceAndTags() {
        wireMock.stubFor(ec2Action("CreateTags").willReturn(xml(200, Ec2Responses.createTags())));

        adapters().lifecycle().createTags(REGION, INSTANCE, Map.of("cmlfleet:state", "draining"));

        Map<String, String> params = params(ec2Requests("CreateTags").get(0).getBodyAsString());
        assertThat(params).contains(
                Map.entry("ResourceId.1", INSTANCE),
                Map.entry("Tag.1.Key", "cmlfleet:state"),
                Map.entry("Tag.1.Value", "draining"));
    }

    private static Map<String, String> params(String formBody) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : formBody.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }
}
