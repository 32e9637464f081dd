package io.cmlfleet.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ApiCredentialsTest {

    private static final CmlfleetApiProperties.ApiKey DASHBOARD_KEY =
            new CmlfleetApiProperties.ApiKey("dashboard", "k-123456", ApiRole.READ_ONLY);

    private static CmlfleetApiProperties api() {
        return api(DASHBOARD_KEY);
    }

    private static CmlfleetApiProperties api(CmlfleetApiProperties.ApiKey key) {
        return new CmlfleetApiProperties(true, List.of(key), List.of(
                new CmlfleetApiProperties.BasicUser("alice", "alice-pw", ApiRole.ADMIN),
                new CmlfleetApiProperties.BasicUser("bob",
                        "{bcrypt}" + new BCryptPasswordEncoder(4).encode("bob-pw"), ApiRole.READ_ONLY)));
    }

    @Test
    void aConfiguredKeyIdentifiesItsHolderAndRole() {
        ApiCredentials credentials = ApiCredentials.from(api());
        assertThat(credentials.callerWithKey("k-123456")).contains(new ApiCaller("dashboard", ApiRole.READ_ONLY));
        assertThat(credentials.callerWithKey("k-1234567")).isEmpty();
        assertThat(credentials.callerWithKey("")).isEmpty();
        assertThat(credentials.callerWithKey(null)).isEmpty();
    }

    @Test
    void plainAndEncodedPasswordsAreChecked() {
        ApiCredentials credentials = ApiCredentials.from(api());
        assertThat(credentials.callerWithPassword("alice", "alice-pw")).contains(new ApiCaller("alice", ApiRole.ADMIN));
        assertThat(credentials.callerWithPassword("alice", "bob-pw")).isEmpty();
        assertThat(credentials.callerWithPassword("bob", "bob-pw")).contains(new ApiCaller("bob", ApiRole.READ_ONLY));
        assertThat(credentials.callerWithPassword("bob", "alice-pw")).isEmpty();
    }

    @Test
    void adminsHoldBothRoles() {
        assertThat(new ApiCaller("a", ApiRole.ADMIN).authorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_READ_ONLY", "ROLE_ADMIN");
        assertThat(new ApiCaller("r", ApiRole.READ_ONLY).authorities()).extracting(Object::toString)
                .containsExactly("ROLE_READ_ONLY");
    }

    @Test
    void anIncompleteEntryFailsStartupNamingThePropertyNotTheSecret() {
        assertThatThrownBy(() -> api(new CmlfleetApiProperties.ApiKey(" ", "k-123456", ApiRole.READ_ONLY)))
                .hasMessage("cmlfleet.api.keys[0].name must be set");
        assertThatThrownBy(() -> api(new CmlfleetApiProperties.ApiKey("dashboard", null, ApiRole.READ_ONLY)))
                .hasMessage("cmlfleet.api.keys[0].key must be set");
        assertThatThrownBy(() -> new CmlfleetApiProperties(true, List.of(),
                List.of(new CmlfleetApiProperties.BasicUser("alice", "", ApiRole.ADMIN))))
                .hasMessage("cmlfleet.api.users[0].password must be set");
    }

    @Test
    void secretsStayOutOfToString() {
        CmlfleetApiProperties api = api();
        assertThat(api.toString())
                .doesNotContain("k-123456").doesNotContain("alice-pw").contains("dashboard");
    }
}
