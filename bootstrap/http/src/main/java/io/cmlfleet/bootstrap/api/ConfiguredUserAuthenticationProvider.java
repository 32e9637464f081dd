package io.cmlfleet.bootstrap.api;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** HTTP basic against {@code cmlfleet.api.users}; the credentials are erased from the resulting authentication. */
public class ConfiguredUserAuthenticationProvider implements AuthenticationProvider {

    private final ApiCredentials credentials;

    public ConfiguredUserAuthenticationProvider(ApiCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        return credentials.callerWithPassword(authentication.getName(), password)
                .map(caller -> UsernamePasswordAuthenticationToken.authenticated(caller.name(), null,
                        caller.authorities()))
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
