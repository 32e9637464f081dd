package io.cmlfleet.domain.worker;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The input rules every worker command is checked against. Each check names the field it rejects and never echoes
 * a value that might carry a secret (endpoints are described, not quoted, when they hold credentials).
 */
public final class WorkerInputRules {

    /** Observations may come from hosts whose clocks run a little ahead; more than this is a bug, not skew. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** Longest free text (reasons, error messages) kept in an event; longer text is truncated, not rejected. */
    public static final int MAX_TEXT_LENGTH = 1000;

    private static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern INSTANCE_ID = Pattern.compile("i-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern AMI_ID = Pattern.compile("ami-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5, us-isob-east-1 ... */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-[0-9]{1,2}");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}(?:%[A-Za-z0-9]+)?");
    private static final int MAX_NAME_LENGTH = 255;
    /** The read model's column sizes: a longer value would overflow the projection and dead-letter the worker. */
    private static final int MAX_REGION_LENGTH = 64;
    private static final int MAX_INSTANCE_TYPE_LENGTH = 64;
    private static final int MAX_ENDPOINT_LENGTH = 512;
    private static final int MAX_PORT = 65535;
    private static final int MAX_EC2_STATE_LENGTH = 32;
    private static final int MAX_IP_LENGTH = 64;
    private static final int MAX_ERROR_CODE_LENGTH = 64;
    private static final int MAX_CML_VERSION_LENGTH = 128;
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_KEY_LENGTH = 128;
    private static final int MAX_TAG_VALUE_LENGTH = 256;

    private WorkerInputRules() {
    }

    public static String workerId(String field, String value) {
        String id = required(field, value);
        if (!WORKER_ID.matcher(id).matches()) {
            throw new InvalidWorkerInputException(field, "must be 1-128 characters of letters, digits, '.', '_', ':'"
                    + " or '-', starting with a letter or digit (got '" + abbreviate(id) + "')");
        }
        return id;
    }

    public static String nonBlank(String field, String value) {
        String text = required(field, value);
        if (text.length() > MAX_NAME_LENGTH) {
            throw new InvalidWorkerInputException(field, "must be at most " + MAX_NAME_LENGTH + " characters (got "
                    + text.length() + ")");
        }
        return text;
    }

    public static String instanceId(String field, String value) {
        String id = required(field, value);
        if (!INSTANCE_ID.matcher(id).matches()) {
            throw new InvalidWorkerInputException(field,
                    "must be 'i-' followed by 8 or 17 lowercase hex digits (got '" + abbreviate(id) + "')");
        }
        return id;
    }

    public static String amiId(String field, String value) {
        String id = required(field, value);
        if (!AMI_ID.matcher(id).matches()) {
            throw new InvalidWorkerInputException(field,
                    "must be 'ami-' followed by 8 or 17 lowercase hex digits (got '" + abbreviate(id) + "')");
        }
        return id;
    }

    public static String region(String field, String value) {
        String region = TextRules.maxLength(field, required(field, value), MAX_REGION_LENGTH);
        if (!REGION.matcher(region).matches()) {
            throw new InvalidWorkerInputException(field,
                    "must be an AWS region code such as 'us-east-1' (got '" + abbreviate(region) + "')");
        }
        return region;
    }

    public static String instanceType(String field, String value) {
        String type = TextRules.maxLength(field, required(field, value), MAX_INSTANCE_TYPE_LENGTH);
        if (!INSTANCE_TYPE.matcher(type).matches()) {
            throw new InvalidWorkerInputException(field,
                    "must be an EC2 instance type such as 'c5.2xlarge' (got '" + abbreviate(type) + "')");
        }
        return type;
    }

    /** An optional IP address: {@code null} or blank means "none"; anything else must be IPv4 or IPv6 as given. */
    public static String optionalIpAddress(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String ip = TextRules.maxLength(field, required(field, value), MAX_IP_LENGTH);
        boolean looksLikeIpv6 = ip.indexOf(':') >= 0 && IPV6.matcher(ip).matches();
        if (!IPV4.matcher(ip).matches() && !looksLikeIpv6) {
            throw new InvalidWorkerInputException(field,
                    "must be an IPv4 or IPv6 address (got '" + abbreviate(ip) + "')");
        }
        return ip;
    }

    /**
     * An HTTPS endpoint: scheme https, a host, no user info (credentials never travel in an endpoint), no query or
     * fragment, a port (if any) from 1 to 65535, at most 512 characters. Returned normalised without a trailing slash.
     */
    public static String httpsEndpoint(String field, String value) {
        String text = TextRules.maxLength(field, required(field, value), MAX_ENDPOINT_LENGTH);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidWorkerInputException(field, "is not a valid URL");
        }
        if (uri.getRawUserInfo() != null) {
            // Do not echo the value: it carries credentials.
            throw new InvalidWorkerInputException(field, "must not contain user credentials");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidWorkerInputException(field,
                    "must use https (got scheme '" + abbreviate(String.valueOf(uri.getScheme())) + "')");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidWorkerInputException(field, "must name a host (got '" + abbreviate(text) + "')");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > MAX_PORT)) {
            throw new InvalidWorkerInputException(field, "must have a port from 1 to " + MAX_PORT + " (got "
                    + uri.getPort() + ")");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidWorkerInputException(field, "must not have a query or fragment");
        }
        String normalised = uri.toString();
        return normalised.endsWith("/") ? normalised.substring(0, normalised.length() - 1) : normalised;
    }

    /** A percentage, nullable ("no data"), otherwise a finite number from 0 to 100. */
    public static Double optionalPercentage(String field, Double value) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value.isInfinite() || value < 0.0 || value > 100.0) {
            throw new InvalidWorkerInputException(field, "must be a percentage from 0 to 100 (got " + value + ")");
        }
        return value;
    }

    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidWorkerInputException(field, "must not be negative (got " + value + ")");
        }
        return value;
    }

    public static Integer optionalNonNegative(String field, Integer value) {
        if (value != null && value < 0) {
            throw new InvalidWorkerInputException(field, "must not be negative (got " + value + ")");
        }
        return value;
    }

    public static Long optionalNonNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw new InvalidWorkerInputException(field, "must not be negative (got " + value + ")");
        }
        return value;
    }

    public static long positive(String field, long value) {
        if (value <= 0) {
            throw new InvalidWorkerInputException(field, "must be positive (got " + value + ")");
        }
        return value;
    }

    public static Duration positive(String field, Duration value) {
        Duration duration = required(field, value);
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidWorkerInputException(field, "must be positive (got " + duration + ")");
        }
        return duration;
    }

    public static Duration nonNegative(String field, Duration value) {
        Duration duration = required(field, value);
        if (duration.isNegative()) {
            throw new InvalidWorkerInputException(field, "must not be negative (got " + duration + ")");
        }
        return duration;
    }

    /** An EC2 instance state code, nullable; EC2 sends 16 bits, of which only the low byte carries the state. */
    public static Integer optionalEc2StateCode(String field, Integer code) {
        if (code != null && (code < 0 || code > 0xFFFF)) {
            throw new InvalidWorkerInputException(field,
                    "must be an EC2 state code from 0 to 65535 (got " + code + ")");
        }
        return code;
    }

    /** A health result's {@code valid}: a controller that could not be reached cannot have been found valid. */
    public static boolean validOnlyIfReachable(String field, boolean valid, boolean reachable) {
        if (valid && !reachable) {
            throw new InvalidWorkerInputException(field, "cannot be true when the controller was not reachable");
        }
        return valid;
    }

    /** CML facts as reported: counts must not be negative, free text is kept as {@link #optionalText(String)}. */
    public static CmlFacts cmlFacts(String field, CmlFacts value) {
        CmlFacts facts = required(field, value);
        return new CmlFacts(
                cut(optionalText(facts.version()), MAX_CML_VERSION_LENGTH),
                facts.ready(),
                facts.licensed(),
                facts.enterprise(),
                optionalText(facts.registrationStatus()),
                optionalText(facts.authorizationStatus()),
                optionalNonNegative(field + ".labsCount", facts.labsCount()),
                optionalNonNegative(field + ".nodesRunning", facts.nodesRunning()),
                optionalNonNegative(field + ".nodesTotal", facts.nodesTotal()),
                optionalNonNegative(field + ".allocatedCpus", facts.allocatedCpus()),
                optionalNonNegative(field + ".allocatedMemoryKib", facts.allocatedMemoryKib()),
                optionalNonNegative(field + ".uptimeSeconds", facts.uptimeSeconds()));
    }

    /** What each stage of a refresh did: stage and result required, the detail kept as free text. */
    public static List<RefreshStageOutcome> refreshStages(String field, List<RefreshStageOutcome> value) {
        return required(field, value).stream()
                .map(outcome -> new RefreshStageOutcome(
                        required(field + ".stage", outcome.stage()),
                        required(field + ".result", outcome.result()),
                        optionalText(outcome.detail())))
                .toList();
    }

    /** A timestamp that must be present and not further in the future than {@link #MAX_CLOCK_SKEW}. */
    public static Instant notInFuture(String field, Instant value, Clock clock) {
        if (value == null) {
            throw new InvalidWorkerInputException(field, "is required");
        }
        Instant latestAcceptable = clock.instant().plus(MAX_CLOCK_SKEW);
        if (value.isAfter(latestAcceptable)) {
            throw new InvalidWorkerInputException(field, "is in the future (" + value + " is after "
                    + latestAcceptable + ", the current time plus " + MAX_CLOCK_SKEW.toMinutes() + " minutes)");
        }
        return value;
    }

    /** A timestamp that must not be before {@code earlier}, the value of {@code earlierField}. */
    public static Instant notBefore(String field, Instant value, String earlierField, Instant earlier) {
        if (value.isBefore(earlier)) {
            throw new InvalidWorkerInputException(field, "must not be before " + earlierField + " (" + value
                    + " is before " + earlier + ")");
        }
        return value;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidWorkerInputException(field, "is required");
        }
        return value;
    }

    /**
     * A text that must be present, checked as it is: no control or format characters, no leading or trailing
     * whitespace (refused, not trimmed: the value is stored and sent exactly as given).
     */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidWorkerInputException(field, "must not be blank");
        }
        return TextRules.refuseSurroundingWhitespace(field, TextRules.refuseUnsafe(field, value));
    }

    /** Tags as EC2 allows them: at most 50, keys 1-128 characters, values up to 256; null means none. */
    public static Map<String, String> tags(String field, Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Map.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidWorkerInputException(field, "must hold at most " + MAX_TAGS + " tags (got "
                    + tags.size() + ")");
        }
        tags.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.length() > MAX_TAG_KEY_LENGTH) {
                throw new InvalidWorkerInputException(field, "tag keys must be 1-" + MAX_TAG_KEY_LENGTH
                        + " characters (got '" + abbreviate(String.valueOf(key)) + "')");
            }
            TextRules.refuseUnsafe(field, key);
            if (value != null) {
                TextRules.refuseUnsafe(field, value);
            }
            if (value != null && value.length() > MAX_TAG_VALUE_LENGTH) {
                throw new InvalidWorkerInputException(field, "tag '" + abbreviate(key) + "' has a value longer than "
                        + MAX_TAG_VALUE_LENGTH + " characters");
            }
        });
        // Null tag values become empty strings: EC2 allows empty values, and Map.copyOf refuses nulls.
        TreeMap<String, String> sorted = new TreeMap<>();
        tags.forEach((key, value) -> sorted.put(key, value == null ? "" : value));
        return Collections.unmodifiableMap(sorted);
    }

    /**
     * Free text a caller chose (a reason): control and format characters are refused; blank becomes {@code null},
     * surrounding whitespace is dropped, long text is cut to {@link #MAX_TEXT_LENGTH}.
     */
    public static String optionalText(String field, String value) {
        return optionalText(value == null ? null : TextRules.refuseUnsafe(field, value));
    }

    /** Text an adapter reported that must be there (a failure's message), neutralised as {@link #optionalText(String)}. */
    public static String reportedText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidWorkerInputException(field, "must not be blank");
        }
        return optionalText(value);
    }

    /**
     * Free text an adapter reported (error messages, status checks, CML facts): it may legitimately hold newlines
     * (a stack of causes, a multi-line API error), and refusing it would lose the record of a failure, so control and
     * format characters are neutralised (replaced by a space) instead. Blank becomes {@code null}, long text is cut to
     * {@link #MAX_TEXT_LENGTH}, the size of the read model's error column.
     */
    public static String optionalText(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = TextRules.neutralise(value).strip();
        if (text.isEmpty()) {
            return null;
        }
        return cut(text, MAX_TEXT_LENGTH);
    }

    /** An EC2 state name as EC2 reports it ({@code running}, {@code stopped}...), at most 32 characters. */
    public static String ec2State(String field, String value) {
        return TextRules.maxLength(field, required(field, value), MAX_EC2_STATE_LENGTH);
    }

    /** A failure's error code (a failure kind such as {@code TIMEOUT}), at most 64 characters. */
    public static String errorCode(String field, String value) {
        return TextRules.maxLength(field, required(field, value), MAX_ERROR_CODE_LENGTH);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
