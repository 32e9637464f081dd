package io.cmlfleet.application.messaging;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a command with cmlfleet's correlation metadata and waits for its answer, rethrowing the domain's own
 * exception when a command bus wrapped it, so callers can tell a refused command from an infrastructure failure.
 * Every application service that sends commands to the aggregate goes through here.
 *
 * <p>A command that lost a race for its worker's next sequence number ({@link ConcurrencyException}: another node,
 * or another thread, appended to the same worker first) is sent again, up to {@value #MAX_ATTEMPTS} times in all.
 * The lost attempt was rolled back whole and evicted the worker from the cache, so the next attempt decides on
 * the events that won; observations are idempotent by their time, so sending again records nothing twice. With
 * several nodes on one database (the JDBC modes have no command routing) this is what keeps a refresh from being
 * lost to a lab listing of the same worker on another node. Each retry is logged, so none goes unrecorded.
 */
public final class DomainCommands {

    /** Attempts in all for a command that keeps losing the race for its worker's sequence. */
    public static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DomainCommands.class);

    private DomainCommands() {
    }

    public static <R> R sendAndWait(CommandGateway commands, Object command, MetaData metaData) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(commands, command, metaData);
            } catch (ConcurrencyException conflict) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw conflict;
                }
                LOG.info("{} lost a race for its worker's next event to a concurrent command; sending it again"
                        + " (attempt {} of {})", command.getClass().getSimpleName(), attempt + 1, MAX_ATTEMPTS);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> R sendOnce(CommandGateway commands, Object command, MetaData metaData) {
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
