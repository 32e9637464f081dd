package io.cmlfleet.bootstrap.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The configured API keys and basic users, checked without leaking timing: secrets are compared as SHA-256 digests
 * with {@link MessageDigest#isEqual} (constant time, and equal length whatever the secret's length), and every
 * configured key is compared even after a match. Secrets never appear in exceptions or {@code toString}.
 */
public final class ApiCredentials {

    private static final PasswordEncoder ENCODED_PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final List<Secret> keys;
    private final List<User> users;

    private ApiCredentials(List<Secret> keys, List<User> users) {
        this.keys = List.copyOf(keys);
        this.users = List.copyOf(users);
    }

    /** The keys and users of {@code cmlfleet.api}, complete: the properties check that when they are bound. */
    public static ApiCredentials from(CmlfleetApiProperties api) {
        List<Secret> keys = api.keys().stream()
                .map(key -> new Secret(key.name(), digest(key.key()), key.role())).toList();
        List<User> users = api.users().stream()
                .map(user -> new User(user.name(), user.password(), user.role())).toList();
        return new ApiCredentials(keys, users);
    }

    public boolean isEmpty() {
        return keys.isEmpty() && users.isEmpty();
    }

    /** The caller holding this key, if it is one of the configured keys. */
    public Optional<ApiCaller> callerWithKey(String presentedKey) {
        if (presentedKey == null) {
            return Optional.empty();
        }
        byte[] presented = digest(presentedKey);
        ApiCaller match = null;
        for (Secret key : keys) {
            // No early exit: the time taken does not tell which (or whether any) key matched.
            if (MessageDigest.isEqual(key.digest(), presented) && match == null) {
                match = new ApiCaller(key.name(), key.role());
            }
        }
        return Optional.ofNullable(match);
    }

    /** The basic user with this name and password, if configured. */
    public Optional<ApiCaller> callerWithPassword(String name, String presentedPassword) {
        if (name == null || presentedPassword == null) {
            return Optional.empty();
        }
        for (User user : users) {
            if (user.name().equals(name) && user.passwordMatches(presentedPassword)) {
                return Optional.of(new ApiCaller(user.name(), user.role()));
            }
        }
        return Optional.empty();
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private record Secret(String name, byte[] digest, ApiRole role) {
        @Override
        public String toString() {
            return "Secret[" + name + "]";
        }
    }

    private record User(String name, String password, ApiRole role) {

        /** {@code {bcrypt}...}-style passwords through Spring's encoders; plain ones in constant time. */
        boolean passwordMatches(String presented) {
            if (password.startsWith("{")) {
                return ENCODED_PASSWORDS.matches(presented, password);
            }
            return MessageDigest.isEqual(digest(password), digest(presented));
        }

        @Override
        public String toString() {
            return "User[" + name + "]";
        }
    }
}
