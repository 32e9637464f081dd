package io.cmlfleet.bootstrap.api;

import io.cmlfleet.bootstrap.CmlfleetAutoConfiguration;
import io.cmlfleet.bootstrap.CmlfleetStorageAutoConfiguration;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
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
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
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
        DeadLetterController.class, LabController.class, LicenceController.class, ApiProblemHandler.class})
public class CmlfleetApiAutoConfiguration {

    public static final String API_KEY_SCHEME = "apiKey";
    public static final String BASIC_SCHEME = "basic";

    /**
     * Strict JSON for request bodies: a JSON number or boolean is not turned into a string (an id sent as
     * {@code 123} is a 400, not the id "123"), a key given twice is refused (which of two endpoints was meant? and
     * Jackson cannot assign a record's creator property twice: it answered 500), and anything after the JSON document
     * is refused. Applied to the
     * ObjectMapper Spring Boot builds, which the MVC converters use; only textual targets lose their coercions, so a
     * host's numbers, booleans and enums read as before.
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer cmlfleetStrictJsonCustomizer() {
        return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

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
