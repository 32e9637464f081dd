package io.cmlfleet.bootstrap.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call the HTTP API, the OpenAPI description and the actuator: API keys ({@code X-API-Key}) and HTTP basic
 * users from {@code cmlfleet.api.*}, in roles READ_ONLY (reads, Prometheus scrape) and ADMIN (everything). Stateless:
 * no session, no cookie, hence no CSRF token either. {@code /actuator/health} answers anonymously (for liveness
 * probes); its details only to authenticated callers.
 *
 * <p>The chain matches only cmlfleet's paths and runs before the host's own chains; a host bean named
 * {@code cmlfleetApiSecurityFilterChain} replaces it.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class},
        after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "cmlfleet.api", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(CmlfleetApiProperties.class)
public class CmlfleetApiSecurityAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CmlfleetApiSecurityAutoConfiguration.class);

    /** The order of cmlfleet's chain: before Spring Boot's default chain and before host chains without an order. */
    public static final int API_CHAIN_ORDER = SecurityProperties.BASIC_AUTH_ORDER - 10;

    @Bean
    @ConditionalOnMissingBean
    public ApiCredentials cmlfleetApiCredentials(CmlfleetApiProperties properties) {
        ApiCredentials credentials = ApiCredentials.from(properties);
        if (credentials.isEmpty()) {
            LOG.warn("cmlfleet HTTP API: no API keys and no users are configured, so every API request is refused "
                    + "with 401. Set cmlfleet.api.keys[0].name, cmlfleet.api.keys[0].key and "
                    + "cmlfleet.api.keys[0].role (READ_ONLY or ADMIN), or cmlfleet.api.users[0].name, "
                    + "cmlfleet.api.users[0].password and cmlfleet.api.users[0].role.");
        }
        return credentials;
    }

    /**
     * Declared as a bean so that Spring Boot does not create its default user with a generated password (and log
     * that password).
     */
    @Bean
    @ConditionalOnMissingBean(AuthenticationProvider.class)
    public ConfiguredUserAuthenticationProvider cmlfleetUserAuthenticationProvider(ApiCredentials credentials) {
        return new ConfiguredUserAuthenticationProvider(credentials);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemResponseWriter cmlfleetProblemResponseWriter(ObjectMapper json) {
        return new ProblemResponseWriter(json);
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    @ConditionalOnMissingBean(name = "cmlfleetApiSecurityFilterChain")
    public SecurityFilterChain cmlfleetApiSecurityFilterChain(HttpSecurity http, ApiCredentials credentials,
                                                              ProblemResponseWriter problems) throws Exception {
        // Explicit path-pattern matchers: unambiguous even when the host registers more servlets (H2 console...).
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = paths.matcher("/api/**");
        RequestMatcher apiDocs = new OrRequestMatcher(paths.matcher("/v3/api-docs"), paths.matcher("/v3/api-docs/**"),
                paths.matcher("/v3/api-docs.yaml"), paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html"));
        // The error page too: cmlfleet's own errors (404, 405) are rendered there, whatever a host's chains say.
        RequestMatcher errorPage = paths.matcher("/error");
        http.securityMatcher(new OrRequestMatcher(api, apiDocs, errorPage, EndpointRequest.toAnyEndpoint()));
        http.authorizeHttpRequests(requests -> requests
                // An error dispatch renders the error of a request this chain already let through.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(errorPage).authenticated()
                .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                .requestMatchers(EndpointRequest.to("prometheus")).hasRole(ApiCaller.READ_ONLY)
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ApiCaller.ADMIN)
                .requestMatchers(apiDocs).hasRole(ApiCaller.READ_ONLY)
                // A topology holds device configurations, passwords included: reading one is an admin's action.
                .requestMatchers(paths.matcher(HttpMethod.GET, LabController.TOPOLOGY_PATH)).hasRole(ApiCaller.ADMIN)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/**")).hasRole(ApiCaller.READ_ONLY)
                .requestMatchers(paths.matcher(HttpMethod.HEAD, "/api/**")).hasRole(ApiCaller.READ_ONLY)
                .requestMatchers(api).hasRole(ApiCaller.ADMIN)
                .anyRequest().denyAll());
        return configureAuthentication(http, credentials, problems).build();
    }

    /** Basic and API-key authentication, problem-detail 401/403, stateless. Shared with the fallback chain. */
    static HttpSecurity configureAuthentication(HttpSecurity http, ApiCredentials credentials,
                                                ProblemResponseWriter problems) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        return http
                .authenticationManager(new ProviderManager(new ConfiguredUserAuthenticationProvider(credentials)))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiKeyAuthenticationFilter(credentials, entryPoint),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
    }
}
