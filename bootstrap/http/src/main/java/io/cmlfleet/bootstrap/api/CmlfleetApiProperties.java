package io.cmlfleet.bootstrap.api;

import io.cmlfleet.bootstrap.config.SettingChecks;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HTTP API under {@code /api/v1} and who may call it. Nothing configured means nobody may: every request is
 * refused with 401 and a warning names these properties at startup.
 *
 * @param enabled serve the HTTP API (a web application is needed too); default true
 * @param keys    API keys, sent in the {@code X-API-Key} header
 * @param users   HTTP basic users
 */
@ConfigurationProperties(prefix = "cmlfleet.api")
public record CmlfleetApiProperties(Boolean enabled, List<ApiKey> keys, List<BasicUser> users) {

    public CmlfleetApiProperties {
        enabled = Objects.requireNonNullElse(enabled, true);
        keys = keys == null ? List.of() : List.copyOf(keys);
        users = users == null ? List.of() : List.copyOf(users);
        // Checked here, while binding, so that an incomplete entry is reported naming it (never its secret).
        for (int i = 0; i < keys.size(); i++) {
            SettingChecks.required("cmlfleet.api.keys[" + i + "].name", keys.get(i).name());
            SettingChecks.required("cmlfleet.api.keys[" + i + "].key", keys.get(i).key());
        }
        for (int i = 0; i < users.size(); i++) {
            SettingChecks.required("cmlfleet.api.users[" + i + "].name", users.get(i).name());
            SettingChecks.required("cmlfleet.api.users[" + i + "].password", users.get(i).password());
        }
    }

    /**
     * One API key. The name is the caller's identity (recorded as requestedBy); the key itself is never logged.
     *
     * @param name who holds the key, e.g. {@code ops-dashboard}; recorded as the requester of what it does
     * @param key  the secret (never logged); use a long random value
     * @param role READ_ONLY (the default) or ADMIN
     */
    public record ApiKey(String name, String key, ApiRole role) {

        public ApiKey {
            role = Objects.requireNonNullElse(role, ApiRole.READ_ONLY);
        }

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", role=" + role + "]";
        }
    }

    /**
     * One HTTP basic user.
     *
     * @param name     the user name; recorded as the requester of what the user does
     * @param password the password (never logged): plain, or encoded with an id prefix such as {@code {bcrypt}...}
     * @param role     READ_ONLY (the default) or ADMIN
     */
    public record BasicUser(String name, String password, ApiRole role) {

        public BasicUser {
            role = Objects.requireNonNullElse(role, ApiRole.READ_ONLY);
        }

        @Override
        public String toString() {
            return "BasicUser[name=" + name + ", role=" + role + "]";
        }
    }
}
