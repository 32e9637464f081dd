package io.cmlfleet.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.bootstrap.CmlfleetProperties;
import io.cmlfleet.bootstrap.CmlfleetProperties.ApiRole;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ApiCredentialsTest {

    private static CmlfleetProperties.Api api() {
        CmlfleetProperties.Api api = new CmlfleetProperties.Api();
        CmlfleetProperties.ApiKey key = new CmlfleetProperties.ApiKey();
        key.setName("dashboard");
        key.setKey("k-123456");
        key.setRole(ApiRole.READ_ONLY);
        api.getKeys().add(key);
        CmlfleetProperties.BasicUser plain = new CmlfleetProperties.BasicUser();
        plain.setName("alice");
        plain.setPassword("alice-pw");
        plain.setRole(ApiRole.ADMIN);
        api.getUsers().add(plain);
        CmlfleetProperties.BasicUser hashed = new CmlfleetProperties.BasicUser();
        hashed.setName("bob");
        hashed.setPassword("{bcrypt}" + new BCryptPasswordEncoder(4).encode("bob-pw"));
        hashed.setRole(ApiRole.READ_ONLY);
        api.getUsers().add(hashed);
        return api;
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
        CmlfleetProperties.Api api = api();
        api.getKeys().get(0).setName(" ");
        assertThatThrownBy(() -> ApiCredentials.from(api)).hasMessage("cmlfleet.api.keys[0].name must be set")
                .hasMessageNotContaining("k-123456");
    }

    @Test
    void secretsStayOutOfToString() {
        CmlfleetProperties.Api api = api();
        assertThat(api.getKeys().toString() + api.getUsers().toString())
                .doesNotContain("k-123456").doesNotContain("alice-pw").contains("dashboard");
    }
}
