package io.cmlfleet.bootstrap;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a node whose pools would starve ({@link ConnectionPoolBudget#starvation()}): a database pool
 * smaller than what the processors, deadlines, commands and queries take at once, or on Axon Server fewer command
 * threads than the refresh threads keep busy. Left alone, such a node starts and then stalls: queries and deadlines
 * wait 30 s for a connection, refreshes for a command thread. Before any bean is created, so that the report names
 * the settings rather than a timeout somewhere later.
 */
class ConnectionPoolCheck implements BeanFactoryPostProcessor {

    private final Environment environment;

    ConnectionPoolCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        ConnectionPoolBudget.of(environment).starvation().ifPresent(refused -> {
            throw refused;
        });
    }
}
