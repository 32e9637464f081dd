package io.cmlfleet.application.messaging;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

/**
 * Sends a command with cmlfleet's correlation metadata and waits for its answer, rethrowing the domain's own
 * exception when a command bus wrapped it, so callers can tell a refused command from an infrastructure failure.
 * Every application service that sends commands to the aggregate goes through here.
 */
public final class DomainCommands {

    private DomainCommands() {
    }

    @SuppressWarnings("unchecked")
    public static <R> R sendAndWait(CommandGateway commands, Object command, MetaData metaData) {
        try {
            return (R) commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
