package io.cmlfleet.domain.worker;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for the fields a launch sends to EC2 and the worker never stores: subnet, security groups, key pair.
 * Checked on the exact value before anything is sent to AWS; each rejection names its field.
 */
public final class ProvisionInputRules {

    /** EC2 allows at most five security groups per network interface. */
    public static final int MAX_SECURITY_GROUPS = 5;
    private static final int MAX_KEY_NAME_LENGTH = 255;
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern KEY_NAME = Pattern.compile("[\\x20-\\x7E]+");

    private ProvisionInputRules() {
    }

    /** An optional subnet id: {@code null} means the default VPC's subnet. */
    public static String optionalSubnetId(String field, String value) {
        if (value == null) {
            return null;
        }
        String id = WorkerInputRules.required(field, value);
        if (!SUBNET_ID.matcher(id).matches()) {
            throw new InvalidWorkerInputException(field, "must be 'subnet-' followed by 8 or 17 lowercase hex digits"
                    + " (got '" + abbreviate(id) + "')");
        }
        return id;
    }

    /** Security group ids: {@code null} or empty means the default group; at most five, no duplicates. */
    public static List<String> securityGroupIds(String field, List<String> value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        if (value.size() > MAX_SECURITY_GROUPS) {
            throw new InvalidWorkerInputException(field, "must hold at most " + MAX_SECURITY_GROUPS
                    + " security groups (got " + value.size() + ")");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            String id = WorkerInputRules.required(field + "[" + i + "]", value.get(i));
            if (!SECURITY_GROUP_ID.matcher(id).matches()) {
                throw new InvalidWorkerInputException(field + "[" + i + "]", "must be 'sg-' followed by 8 or 17"
                        + " lowercase hex digits (got '" + abbreviate(id) + "')");
            }
            if (!seen.add(id)) {
                throw new InvalidWorkerInputException(field, "must not name a security group twice (got '" + id
                        + "' twice)");
            }
        }
        return List.copyOf(value);
    }

    /** An optional EC2 key pair name: 1-255 printable ASCII characters, no leading or trailing space. */
    public static String optionalKeyName(String field, String value) {
        if (value == null) {
            return null;
        }
        String name = WorkerInputRules.required(field, value);
        if (name.length() > MAX_KEY_NAME_LENGTH || !KEY_NAME.matcher(name).matches()) {
            throw new InvalidWorkerInputException(field, "must be 1-" + MAX_KEY_NAME_LENGTH
                    + " printable ASCII characters (got " + name.length() + " characters)");
        }
        return name;
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
