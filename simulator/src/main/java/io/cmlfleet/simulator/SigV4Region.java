package io.cmlfleet.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The region of an AWS request, taken from its SigV4 credential scope
 * ({@code Credential=AKID/20261124/us-east-1/ec2/aws4_request}): with an endpoint override every region's client
 * talks to the same port, and the signature is where AWS itself reads the region from.
 */
final class SigV4Region {

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([a-z0-9-]+)/");

    private SigV4Region() {
    }

    static String of(String authorizationHeader, String fallback) {
        if (authorizationHeader != null) {
            Matcher matcher = SCOPE.matcher(authorizationHeader);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return fallback;
    }
}
