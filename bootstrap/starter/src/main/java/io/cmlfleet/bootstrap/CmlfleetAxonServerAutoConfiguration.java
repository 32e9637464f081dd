package io.cmlfleet.bootstrap;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** The axon-server storage mode's own startup report (see {@link AxonServerConnectionReport}). */
@AutoConfiguration(after = AxonServerAutoConfiguration.class)
@ConditionalOnClass(AxonServerConfiguration.class)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
public class CmlfleetAxonServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({AxonServerConfiguration.class, AxonServerConnectionManager.class})
    public AxonServerConnectionReport cmlfleetAxonServerConnectionReport(AxonServerConfiguration configuration,
                                                                         AxonServerConnectionManager connections) {
        return new AxonServerConnectionReport(configuration, connections);
    }
}
