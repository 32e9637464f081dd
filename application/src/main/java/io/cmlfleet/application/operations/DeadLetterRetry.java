package io.cmlfleet.application.operations;

import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import io.cmlfleet.application.readmodel.deadletter.DeadLetteredSequence;
import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;

/**
 * Retrying one worker's dead-lettered events in one projection, after the cause was fixed: Axon's dead-letter
 * processor hands the letters, in order, to the projection's handlers; the sequence is gone when all succeed, and
 * stays (with the new cause on the failing letter) when one fails again.
 */
public final class DeadLetterRetry {

    private final Function<String, Optional<SequencedDeadLetterProcessor<EventMessage<?>>>> processors;
    private final DeadLetterStore store;

    /**
     * @param processors the dead-letter processor of a processing group, e.g.
     *                   {@code eventProcessingConfiguration::sequencedDeadLetterProcessor}
     */
    public DeadLetterRetry(Function<String, Optional<SequencedDeadLetterProcessor<EventMessage<?>>>> processors,
                           DeadLetterStore store) {
        this.processors = Objects.requireNonNull(processors, "processors");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Retries the sequence.
     *
     * @throws UnknownDeadLetterSequenceException when the group has no such sequence (or is no projection)
     */
    public RetryOutcome retry(String processingGroup, String sequenceIdentifier) {
        DeadLetteredSequence before = store.sequence(processingGroup, sequenceIdentifier)
                .orElseThrow(() -> new UnknownDeadLetterSequenceException(processingGroup, sequenceIdentifier));
        SequencedDeadLetterProcessor<EventMessage<?>> processor = ProcessingGroups.ALL.contains(processingGroup)
                ? processors.apply(processingGroup).orElse(null) : null;
        if (processor == null) {
            throw new UnknownDeadLetterSequenceException(processingGroup, sequenceIdentifier);
        }
        processor.process(letter -> sequenceIdentifier.equals(sequenceOf(letter)));
        Optional<DeadLetteredSequence> after = store.sequence(processingGroup, sequenceIdentifier);
        return new RetryOutcome(processingGroup, sequenceIdentifier, after.isEmpty(),
                before.deadLetters() - after.map(DeadLetteredSequence::deadLetters).orElse(0L),
                before.skippedEvents(), before.skippedEvents() > 0, after.orElse(null));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        // Projections are sequenced per aggregate (the worker id).
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : null;
    }
}
