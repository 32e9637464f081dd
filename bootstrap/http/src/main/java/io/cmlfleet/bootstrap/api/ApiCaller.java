package io.cmlfleet.bootstrap.api;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated caller of the API: its configured name (recorded as requestedBy, createdBy, setBy) and its role.
 * ADMIN includes READ_ONLY, so an administrator holds both authorities.
 */
public record ApiCaller(String name, ApiRole role) {

    public static final String READ_ONLY = "READ_ONLY";
    public static final String ADMIN = "ADMIN";

    public List<GrantedAuthority> authorities() {
        return role == ApiRole.ADMIN
                ? List.of(new SimpleGrantedAuthority("ROLE_" + READ_ONLY), new SimpleGrantedAuthority("ROLE_" + ADMIN))
                : List.of(new SimpleGrantedAuthority("ROLE_" + READ_ONLY));
    }
}
