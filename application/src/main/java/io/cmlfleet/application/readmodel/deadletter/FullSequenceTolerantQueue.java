package io.cmlfleet.application.readmodel.deadletter;

import io.cmlfleet.application.text.SafeText;
import java.time.Clock;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A projection's dead-letter queue whose bound can never stop the processor. Axon's queue throws
 * {@link DeadLetterQueueOverflowException} when a sequence is full, and the tracking processor then retries that
 * batch forever, so one poisoned worker would stop the projection for the whole fleet. Here an event for a full
 * sequence is <em>skipped</em> instead: not parked, not handled (handling it would overtake the parked ones), counted
 * in the first letter's diagnostics ({@link SkippedEvents}) and logged, so the worker shows as stale with the count.
 * The processor goes on with every other worker. The events stay in the event store; a rebuild of the projection
 * applies them once the cause is fixed.
 *
 * <p>Sequences are per worker, so their number is bounded by the fleet and the queue is built without a bound on
 * it (a full queue of sequences would stop the processor the same way); the letters per sequence are bounded.
 */
public final class FullSequenceTolerantQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger("io.cmlfleet.projections");

    private final String processingGroup;
    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final Clock clock;

    public FullSequenceTolerantQueue(String processingGroup, SequencedDeadLetterQueue<EventMessage<?>> delegate,
                                     Clock clock) {
        this.processingGroup = Objects.requireNonNull(processingGroup, "processingGroup");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        if (delegate.isFull(sequenceIdentifier)) {
            skip(sequenceIdentifier, letter);
            return;
        }
        try {
            delegate.enqueue(sequenceIdentifier, letter);
        } catch (DeadLetterQueueOverflowException filledMeanwhile) {
            skip(sequenceIdentifier, letter);
        }
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        if (!delegate.contains(sequenceIdentifier)) {
            return false;
        }
        enqueue(sequenceIdentifier, letterBuilder.get());
        return true;
    }

    private void skip(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        Iterator<DeadLetter<? extends EventMessage<?>>> sequence =
                delegate.deadLetterSequence(sequenceIdentifier).iterator();
        long skipped = 1;
        if (sequence.hasNext()) {
            DeadLetter<? extends EventMessage<?>> first = sequence.next();
            skipped = SkippedEvents.count(first.diagnostics()) + 1;
            delegate.requeue(first, head -> head.withDiagnostics(
                    diagnostics -> SkippedEvents.plusOne(diagnostics, clock.instant())));
        }
        LOG.warn("Projection {} skipped {} of worker {}: its dead-letter sequence is full ({} letters), {} event(s)"
                        + " skipped so far; fix the cause, retry or evict the sequence, then rebuild the projection",
                processingGroup, letter.message().getPayloadType().getSimpleName(),
                SafeText.line(sequenceIdentifier), delegate.sequenceSize(sequenceIdentifier), skipped);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return delegate.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        // Never full to the invoker: a full sequence skips instead of throwing.
        return false;
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        return delegate.process(sequenceFilter, task);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
