package io.cmlfleet.bootstrap.api;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Keeps the rest of a host without security of its own closed. Declaring cmlfleet's API chain makes Spring Boot's
 * default chain (every request authenticated) back off; without this one, the host's other paths would silently
 * become public. Evaluated before cmlfleet's API chain exists, so it backs off only for chains of the host's own.
 */
@AutoConfiguration(before = {CmlfleetApiSecurityAutoConfiguration.class, SecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "cmlfleet.api", name = "enabled", matchIfMissing = true)
@ConditionalOnMissingBean(SecurityFilterChain.class)
public class CmlfleetFallbackSecurityAutoConfiguration {

    @Bean
    @Order(SecurityProperties.BASIC_AUTH_ORDER)
    public SecurityFilterChain cmlfleetFallbackSecurityFilterChain(HttpSecurity http, ApiCredentials credentials,
                                                                   ProblemResponseWriter problems) throws Exception {
        // Error dispatches render the error of a request this chain already let through (a 404, a 405).
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .anyRequest().authenticated());
        return CmlfleetApiSecurityAutoConfiguration.configureAuthentication(http, credentials,
                problems).build();
    }
}
