package io.cmlfleet.domain.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static io.cmlfleet.domain.worker.WorkerInputRulesTest.assertRejected;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields a launch sends to EC2, checked exactly, each at its boundary. */
class ProvisionInputRulesTest {

    @Test
    void subnetIds() {
        assertThat(ProvisionInputRules.optionalSubnetId("subnetId", null)).isNull();
        assertThat(ProvisionInputRules.optionalSubnetId("subnetId", "subnet-0123abcd")).isEqualTo("subnet-0123abcd");
        assertThat(ProvisionInputRules.optionalSubnetId("subnetId", "subnet-0123456789abcdef0"))
                .isEqualTo("subnet-0123456789abcdef0");
        for (String bad : List.of("subnet-0123abc", "subnet-0123456789abcdef01", "subnet-0123ABCD", "sg-0123abcd",
                "0123abcd")) {
            assertRejected(() -> ProvisionInputRules.optionalSubnetId("subnetId", bad), "Invalid subnetId: must be"
                    + " 'subnet-' followed by 8 or 17 lowercase hex digits (got '" + bad + "')");
        }
        assertRejected(() -> ProvisionInputRules.optionalSubnetId("subnetId", "subnet-0123abcd\n"),
                "Invalid subnetId: must not contain control or format characters (got U+000A at index 15)");
        assertRejected(() -> ProvisionInputRules.optionalSubnetId("subnetId", ""), "Invalid subnetId: must not be blank");
    }

    @Test
    void securityGroupIds() {
        assertThat(ProvisionInputRules.securityGroupIds("securityGroupIds", null)).isEmpty();
        List<String> five = List.of("sg-00000001", "sg-00000002", "sg-00000003", "sg-00000004",
                "sg-0123456789abcdef0");
        assertThat(ProvisionInputRules.securityGroupIds("securityGroupIds", five)).isEqualTo(five);
        List<String> six = new java.util.ArrayList<>(five);
        six.add("sg-00000006");
        assertRejected(() -> ProvisionInputRules.securityGroupIds("securityGroupIds", six),
                "Invalid securityGroupIds: must hold at most 5 security groups (got 6)");
        assertRejected(() -> ProvisionInputRules.securityGroupIds("securityGroupIds",
                        List.of("sg-00000001", "sg-00000001")),
                "Invalid securityGroupIds: must not name a security group twice (got 'sg-00000001' twice)");
        assertRejected(() -> ProvisionInputRules.securityGroupIds("securityGroupIds", List.of("sg-00000001", "sg-1")),
                "Invalid securityGroupIds[1]: must be 'sg-' followed by 8 or 17 lowercase hex digits (got 'sg-1')");
        assertRejected(() -> ProvisionInputRules.securityGroupIds("securityGroupIds", List.of("sg-00000001 ")),
                "Invalid securityGroupIds[0]: must not start or end with whitespace");
    }

    @Test
    void keyNames() {
        assertThat(ProvisionInputRules.optionalKeyName("keyName", null)).isNull();
        assertThat(ProvisionInputRules.optionalKeyName("keyName", "k")).isEqualTo("k");
        assertThat(ProvisionInputRules.optionalKeyName("keyName", "ops key ~!".repeat(25) + "12345")).hasSize(255);
        assertRejected(() -> ProvisionInputRules.optionalKeyName("keyName", "k".repeat(256)),
                "Invalid keyName: must be 1-255 printable ASCII characters (got 256 characters)");
        assertRejected(() -> ProvisionInputRules.optionalKeyName("keyName", "clé"),
                "Invalid keyName: must be 1-255 printable ASCII characters (got 3 characters)");
        assertRejected(() -> ProvisionInputRules.optionalKeyName("keyName", " ops"),
                "Invalid keyName: must not start or end with whitespace");
        assertRejected(() -> ProvisionInputRules.optionalKeyName("keyName", "ops\u001b"),
                "Invalid keyName: must not contain control or format characters (got U+001B at index 3)");
    }
}
