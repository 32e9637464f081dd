package io.cmlfleet.bootstrap.api;

import io.cmlfleet.bootstrap.CmlfleetAutoConfiguration;
import io.cmlfleet.bootstrap.CmlfleetStorageAutoConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The HTTP API under {@code /api/v1}: controllers, problem details and the OpenAPI description with its security
 * schemes. Only in a servlet web application, and {@code cmlfleet.api.enabled=false} switches it off.
 */
@AutoConfiguration(after = {CmlfleetAutoConfiguration.class, CmlfleetStorageAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "cmlfleet.api", name = "enabled", matchIfMissing = true)
@Import({WorkerController.class, FleetController.class, ForensicsController.class, ProjectionController.class,
        ApiProblemHandler.class})
public class CmlfleetApiAutoConfiguration {

    public static final String API_KEY_SCHEME = "apiKey";
    public static final String BASIC_SCHEME = "basic";

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    @ConditionalOnClass(OpenAPI.class)
    public OpenAPI cmlfleetOpenApi() {
        return new OpenAPI()
                .info(new Info().title("cmlfleet API").version("v1")
                        .description("Monitor and control fleets of Cisco Modeling Labs workers on EC2. "
                                + "GET needs READ_ONLY or ADMIN, every other method ADMIN."))
                .components(new Components()
                        .addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER))
                        .addSecuritySchemes(BASIC_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_SCHEME));
    }
}
