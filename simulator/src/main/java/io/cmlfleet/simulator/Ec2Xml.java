package io.cmlfleet.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes EC2 query-protocol XML in the shape of the AWS API reference examples (see the shared fixtures). */
final class Ec2Xml {

    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    static final String OWNER_ID = "123456789012";

    private Ec2Xml() {
    }

    /** A described instance: the instance, its state now, and the public IP it has now. */
    record Described(SimulatedInstance instance, InstanceState state, String publicIp) {
    }

    /** A status line for DescribeInstanceStatus; checks are ok, initializing or not-applicable. */
    record Status(SimulatedInstance instance, InstanceState state, String checks) {
    }

    static String describeInstances(List<Described> page, String nextToken) {
        StringBuilder xml = open("DescribeInstancesResponse").append("<reservationSet>");
        if (!page.isEmpty()) {
            // One reservation per page keeps bodies small; clients read instances from every reservation anyway.
            xml.append("<item><reservationId>r-").append(page.get(0).instance().instanceId.substring(2))
                    .append("</reservationId><ownerId>").append(OWNER_ID).append("</ownerId><groupSet/><instancesSet>");
            for (Described described : page) {
                instance(xml, described.instance(), described.state(), described.publicIp());
            }
            xml.append("</instancesSet></item>");
        }
        xml.append("</reservationSet>");
        if (nextToken != null) {
            xml.append("<nextToken>").append(nextToken).append("</nextToken>");
        }
        return close(xml, "DescribeInstancesResponse");
    }

    static String runInstances(List<Described> launched) {
        StringBuilder xml = open("RunInstancesResponse")
                .append("<reservationId>r-").append(launched.get(0).instance().instanceId.substring(2))
                .append("</reservationId><ownerId>").append(OWNER_ID).append("</ownerId><groupSet/><instancesSet>");
        for (Described described : launched) {
            instance(xml, described.instance(), described.state(), described.publicIp());
        }
        return close(xml.append("</instancesSet>"), "RunInstancesResponse");
    }

    static String describeInstanceStatus(List<Status> statuses, String nextToken) {
        StringBuilder xml = open("DescribeInstanceStatusResponse").append("<instanceStatusSet>");
        for (Status status : statuses) {
            xml.append("<item><instanceId>").append(status.instance().instanceId).append("</instanceId>")
                    .append("<availabilityZone>").append(status.instance().region).append("a</availabilityZone>");
            state(xml, "instanceState", status.state());
            check(xml, "systemStatus", status.checks());
            check(xml, "instanceStatus", status.checks());
            xml.append("</item>");
        }
        xml.append("</instanceStatusSet>");
        if (nextToken != null) {
            xml.append("<nextToken>").append(nextToken).append("</nextToken>");
        }
        return close(xml, "DescribeInstanceStatusResponse");
    }

    /** Start-, Stop- and TerminateInstances share this shape, each under its own element names. */
    static String stateChanges(String action, List<StateChange> changes) {
        String root = action + "Response";
        StringBuilder xml = open(root).append("<instancesSet>");
        for (StateChange change : changes) {
            xml.append("<item><instanceId>").append(change.instanceId()).append("</instanceId>");
            state(xml, "currentState", change.current());
            state(xml, "previousState", change.previous());
            xml.append("</item>");
        }
        return close(xml.append("</instancesSet>"), root);
    }

    static String createTags() {
        return close(open("CreateTagsResponse").append("<return>true</return>"), "CreateTagsResponse");
    }

    static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + escape(code)
                + "</Code><Message>" + escape(message) + "</Message></Error></Errors><RequestID>" + UUID.randomUUID()
                + "</RequestID></Response>";
    }

    private static void instance(StringBuilder xml, SimulatedInstance instance, InstanceState state, String publicIp) {
        xml.append("<item><instanceId>").append(instance.instanceId).append("</instanceId>")
                .append("<imageId>").append(escape(instance.imageId)).append("</imageId>");
        state(xml, "instanceState", state);
        xml.append("<privateDnsName>ip-").append(instance.privateIp.replace('.', '-')).append('.')
                .append(instance.region).append(".compute.internal</privateDnsName>")
                .append("<dnsName>").append(publicIp == null ? "" : publicIp).append("</dnsName>")
                .append("<reason/><amiLaunchIndex>0</amiLaunchIndex><productCodes/>")
                .append("<instanceType>").append(escape(instance.instanceType)).append("</instanceType>")
                .append("<launchTime>").append(instance.launchTime.truncatedTo(ChronoUnit.MILLIS)).append("</launchTime>")
                .append("<placement><availabilityZone>").append(instance.region).append("a</availabilityZone>")
                .append("<groupName/><tenancy>default</tenancy></placement>")
                .append("<monitoring><state>disabled</state></monitoring>")
                .append("<privateIpAddress>").append(instance.privateIp).append("</privateIpAddress>");
        if (publicIp != null) {
            xml.append("<ipAddress>").append(publicIp).append("</ipAddress>");
        }
        xml.append("<architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType><tagSet>");
        for (Map.Entry<String, String> tag : instance.tags().entrySet()) {
            xml.append("<item><key>").append(escape(tag.getKey())).append("</key><value>")
                    .append(escape(tag.getValue())).append("</value></item>");
        }
        xml.append("</tagSet></item>");
    }

    private static void state(StringBuilder xml, String element, InstanceState state) {
        xml.append('<').append(element).append("><code>").append(state.code()).append("</code><name>")
                .append(state.wireName()).append("</name></").append(element).append('>');
    }

    private static void check(StringBuilder xml, String element, String status) {
        String detail = switch (status) {
            case "ok" -> "passed";
            case "initializing" -> "initializing";
            default -> null;
        };
        xml.append('<').append(element).append("><status>").append(status).append("</status>");
        if (detail != null) {
            xml.append("<details><item><name>reachability</name><status>").append(detail).append("</status></item></details>");
        }
        xml.append("</").append(element).append('>');
    }

    private static StringBuilder open(String root) {
        return new StringBuilder(256).append('<').append(root).append(" xmlns=\"").append(NAMESPACE).append("\">")
                .append("<requestId>").append(UUID.randomUUID()).append("</requestId>");
    }

    private static String close(StringBuilder xml, String root) {
        return xml.append("</").append(root).append('>').toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
