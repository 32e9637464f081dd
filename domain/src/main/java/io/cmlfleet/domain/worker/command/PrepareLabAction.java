package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.LabAction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Check a lab action before it is performed: the input is valid and the worker's CML API may be called now. Appends
 * nothing; answers the {@code LabActionTarget} to call. The outcome is recorded afterwards by {@link RecordLabAction}.
 *
 * @param labId the lab to act on; null for IMPORT
 * @param title the new lab's title, for IMPORT only
 */
public record PrepareLabAction(
        @TargetAggregateIdentifier String workerId,
        LabAction action,
        String labId,
        String title,
        String requestedBy,
        String reason) {
}
