package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.LicenceFacts;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the controller's licensing state read at {@code observedAt}, judged with the expiry {@code horizon}. */
public record RecordLicence(
        @TargetAggregateIdentifier String workerId,
        LicenceFacts licence,
        Duration horizon,
        Instant observedAt) {
}
