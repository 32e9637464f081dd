package io.cmlfleet.application.refresh;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends a command and waits for its answer, rethrowing the domain's own exception when a command bus wrapped it, so
 * callers can tell a refused observation from an infrastructure failure.
 */
final class RecordingCommands {

    private RecordingCommands() {
    }

    @SuppressWarnings("unchecked")
    static <R> R send(CommandGateway commands, CommandMessage<?> command) {
        try {
            return (R) commands.sendAndWait(command);
        } catch (CommandExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
