package io.cmlfleet.bootstrap.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors that no controller answers are problem details too: the {@code /error} page ({@link ProblemErrorController},
 * in place of Spring Boot's, unless the host has an {@link ErrorController} of its own) and, on Tomcat, the
 * container's own error report ({@link ProblemErrorReportValve}) for requests refused before any servlet.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class, after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "cmlfleet.api", name = "enabled", matchIfMissing = true)
public class CmlfleetProblemErrorsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    public ProblemErrorController cmlfleetProblemErrorController(ObjectMapper json) {
        return new ProblemErrorController(new ProblemResponseWriter(json));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrorReport {

        /**
         * Last, after Spring Boot's own customizer has added its {@link ErrorReportValve} to the host: that one is
         * replaced, so exactly one report valve answers.
         */
        @Bean
        ProblemErrorReportCustomizer cmlfleetProblemErrorReport() {
            return new ProblemErrorReportCustomizer();
        }
    }
}
