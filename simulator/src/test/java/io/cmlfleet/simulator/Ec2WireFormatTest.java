package io.cmlfleet.simulator;

import static io.cmlfleet.simulator.FleetFixture.quietProfile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Query-protocol details the adapter does not exercise on its own: explicit paging with MaxResults, explicit ids
 * that fail the whole call, DescribeInstanceStatus without IncludeAllInstances, the error document.
 */
class Ec2WireFormatTest {

    private static final Pattern ITEM_ID = Pattern.compile("<instanceId>(i-[0-9a-f]+)</instanceId>");
    private static final Pattern NEXT_TOKEN = Pattern.compile("<nextToken>([^<]+)</nextToken>");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void maxResultsPagesWithNextTokenUntilEveryInstanceWasListed() throws Exception {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(12).build())) {
            int listed = 0;
            int pages = 0;
            String token = null;
            do {
                String body = post(fixture, "Action=DescribeInstances&Version=2016-11-15&MaxResults=5"
                        + (token == null ? "" : "&NextToken=" + token)).body();
                listed += count(ITEM_ID.matcher(body));
                Matcher next = NEXT_TOKEN.matcher(body);
                token = next.find() ? next.group(1) : null;
                pages++;
            } while (token != null);

            assertThat(listed).isEqualTo(12);
            assertThat(pages).isEqualTo(3);
        }
    }

    @Test
    void explicitUnknownIdFailsTheCallWhileAFilterJustLeavesItOut() throws Exception {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(2).build())) {
            String known = fixture.worker(0).instanceId();

            HttpResponse<String> explicit = post(fixture, "Action=DescribeInstances&Version=2016-11-15"
                    + "&InstanceId.1=" + known + "&InstanceId.2=i-0000000000000dead");
            HttpResponse<String> filtered = post(fixture, "Action=DescribeInstances&Version=2016-11-15"
                    + "&Filter.1.Name=instance-id&Filter.1.Value.1=" + known + "&Filter.1.Value.2=i-0000000000000dead");

            assertThat(explicit.statusCode()).isEqualTo(400);
            assertThat(explicit.body()).contains("<Code>InvalidInstanceID.NotFound</Code>")
                    .contains("i-0000000000000dead").contains("<RequestID>");
            assertThat(filtered.statusCode()).isEqualTo(200);
            assertThat(count(ITEM_ID.matcher(filtered.body()))).isEqualTo(1);
            assertThat(filtered.body()).contains("xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"");
        }
    }

    @Test
    void instanceStatusListsRunningOnlyUnlessAllInstancesAreAskedFor() throws Exception {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(2).build())) {
            String id = fixture.worker(0).instanceId(); // still pending

            String runningOnly = post(fixture, "Action=DescribeInstanceStatus&Version=2016-11-15&InstanceId.1=" + id).body();
            String all = post(fixture, "Action=DescribeInstanceStatus&Version=2016-11-15&InstanceId.1=" + id
                    + "&IncludeAllInstances=true").body();

            assertThat(count(ITEM_ID.matcher(runningOnly))).isZero();
            assertThat(all).contains("<name>pending</name>").contains("<status>not-applicable</status>");
        }
    }

    @Test
    void unknownActionIsInvalidAction() throws Exception {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(1).build())) {
            HttpResponse<String> response = post(fixture, "Action=RebootInstances&Version=2016-11-15");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("<Code>InvalidAction</Code>");
        }
    }

    private HttpResponse<String> post(FleetFixture fixture, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(fixture.fleet.awsEndpoint())
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int count(Matcher matcher) {
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
