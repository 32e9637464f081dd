package io.cmlfleet.bootstrap;

import io.cmlfleet.adapters.cml.CmlClientSettings;
import io.cmlfleet.adapters.cml.HttpCmlLabOperations;
import io.cmlfleet.application.labs.LabInventoryPoller;
import io.cmlfleet.application.labs.LabOperationsService;
import io.cmlfleet.application.licence.LicenceOperationsService;
import io.cmlfleet.application.monitoring.FleetRound;
import io.cmlfleet.application.monitoring.MonitoringSettings;
import io.cmlfleet.application.port.cml.CmlCredentialsProvider;
import io.cmlfleet.application.port.cml.CmlLabOperations;
import io.cmlfleet.application.port.cml.CmlLicensingOperations;
import io.cmlfleet.bootstrap.config.CmlfleetProperties;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The labs of workers: the CML lab operations over HTTPS, the service that performs and records lab actions, and
 * the periodic lab listing that keeps the worker-labs read model current. Apart from {@link CmlfleetAutoConfiguration}
 * so that the lab capability is wired in one place.
 */
@AutoConfiguration(after = {CmlfleetAutoConfiguration.class, CmlfleetStorageAutoConfiguration.class})
public class CmlfleetLabsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public CmlLabOperations cmlLabOperations(CmlClientSettings settings, CmlCredentialsProvider credentials) {
        return HttpCmlLabOperations.create(settings, credentials);
    }

    @Bean
    @ConditionalOnMissingBean
    public LabOperationsService labOperationsService(CmlLabOperations cml, CommandGateway commands, Clock clock) {
        return new LabOperationsService(cml, commands, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public LabInventoryPoller labInventoryPoller(CmlLabOperations cml, ObjectProvider<CmlLicensingOperations> licensing,
                                                 CmlfleetProperties properties, CommandGateway commands,
                                                 QueryGateway queries, Clock clock) {
        // The HTTPS lab operations also read the whole licence; a host's own lab port may not, and then licences
        // are left alone.
        return new LabInventoryPoller(cml, licensing.getIfUnique(), properties.cml().licenceExpiryHorizon(),
                commands, queries, clock,
                properties.monitoring().labListingSettings(properties.refresh().shutdownWait()));
    }

    /** Ends a lab listing round in progress before the deadline scheduler that runs it stops. */
    @Bean
    StopBeforeAxon labListingShutdown(ObjectProvider<LabInventoryPoller> poller) {
        return new StopBeforeAxon(() -> poller.ifAvailable(LabInventoryPoller::stop));
    }

    /** Licence operations go through the licensing port, which the HTTPS lab operations implement too. */
    @Bean
    @ConditionalOnMissingBean
    public LicenceOperationsService licenceOperationsService(ObjectProvider<CmlLicensingOperations> licensing,
                                                             CommandGateway commands, EventStore events, Clock clock,
                                                             CmlfleetProperties properties) {
        return new LicenceOperationsService(licensing.getIfUnique(), commands, events, clock,
                properties.cml().licenceOperations());
    }

    /** The lab listing, run by the deadline scheduler once per interval across all nodes on the database. */
    @Bean
    public FleetRound labInventoryRound(ObjectProvider<LabInventoryPoller> poller, MonitoringSettings monitoring) {
        return LabInventorySchedule.round(poller::getObject, monitoring);
    }
}
