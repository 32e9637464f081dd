package io.cmlfleet.adapters.aws;

import java.util.List;

/** Generates EC2 query-protocol XML bodies in the same shape as the shared fixtures, for sizes they do not cover. */
final class Ec2Responses {

    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private Ec2Responses() {
    }

    static String describeInstances(List<String> ids, String nextToken) {
        StringBuilder xml = new StringBuilder()
                .append("<DescribeInstancesResponse xmlns=\"").append(NAMESPACE).append("\">")
                .append("<requestId>8f7724cf-496f-496e-8fe3-example</requestId><reservationSet>");
        if (!ids.isEmpty()) {
            xml.append("<item><reservationId>r-1234567890abcdef0</reservationId><ownerId>123456789012</ownerId>")
                    .append("<groupSet/><instancesSet>");
            for (String id : ids) {
                xml.append(instanceItem(id));
            }
            xml.append("</instancesSet></item>");
        }
        xml.append("</reservationSet>");
        if (nextToken != null) {
            xml.append("<nextToken>").append(nextToken).append("</nextToken>");
        }
        return xml.append("</DescribeInstancesResponse>").toString();
    }

    static String instanceItem(String id) {
        return "<item><instanceId>" + id + "</instanceId><imageId>ami-0cml29</imageId>"
                + "<instanceState><code>16</code><name>running</name></instanceState>"
                + "<instanceType>c5.2xlarge</instanceType><launchTime>2026-11-20T08:00:00.000Z</launchTime>"
                + "<privateIpAddress>10.0.0.10</privateIpAddress><ipAddress>203.0.113.10</ipAddress>"
                + "<tagSet><item><key>Name</key><value>worker-" + id + "</value></item></tagSet></item>";
    }

    static String runInstances(String id) {
        return "<RunInstancesResponse xmlns=\"" + NAMESPACE + "\"><requestId>r-example</requestId>"
                + "<reservationId>r-0a1b2c3d4e5f</reservationId><ownerId>123456789012</ownerId><groupSet/>"
                + "<instancesSet><item><instanceId>" + id + "</instanceId><imageId>ami-0cml29</imageId>"
                + "<instanceState><code>0</code><name>pending</name></instanceState>"
                + "<instanceType>c5.2xlarge</instanceType><launchTime>2026-11-24T02:00:00.000Z</launchTime>"
                + "<privateIpAddress>10.0.0.42</privateIpAddress>"
                + "<tagSet><item><key>Name</key><value>cml-worker-1</value></item></tagSet>"
                + "</item></instancesSet></RunInstancesResponse>";
    }

    static String createTags() {
        return "<CreateTagsResponse xmlns=\"" + NAMESPACE + "\"><requestId>7a62c49f-example</requestId>"
                + "<return>true</return></CreateTagsResponse>";
    }

    static String describeInstanceStatus(List<String> ids) {
        StringBuilder xml = new StringBuilder()
                .append("<DescribeInstanceStatusResponse xmlns=\"").append(NAMESPACE).append("\">")
                .append("<requestId>3be1508e-example</requestId><instanceStatusSet>");
        for (String id : ids) {
            xml.append("<item><instanceId>").append(id).append("</instanceId>")
                    .append("<availabilityZone>us-east-1a</availabilityZone>")
                    .append("<instanceState><code>16</code><name>running</name></instanceState>")
                    .append("<systemStatus><status>ok</status></systemStatus>")
                    .append("<instanceStatus><status>ok</status></instanceStatus></item>");
        }
        return xml.append("</instanceStatusSet></DescribeInstanceStatusResponse>").toString();
    }
}
