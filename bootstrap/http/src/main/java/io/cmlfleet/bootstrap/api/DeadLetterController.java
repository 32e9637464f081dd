package io.cmlfleet.bootstrap.api;

import io.cmlfleet.application.operations.DeadLetterRetry;
import io.cmlfleet.application.operations.RetryOutcome;
import io.cmlfleet.application.operations.UnknownDeadLetterSequenceException;
import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import io.cmlfleet.application.readmodel.deadletter.DeadLetteredSequence;
import io.cmlfleet.application.text.SafeText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The projections' dead letters, for operators: list them, retry a worker's sequence once the cause is fixed, or
 * evict it (its events stay missing from that projection until it is rebuilt). Both actions are logged with the
 * caller on {@code io.cmlfleet.projections}.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
@Tag(name = "dead letters", description = "Events a projection could not apply, per worker")
public class DeadLetterController {

    private static final Logger LOG = LoggerFactory.getLogger("io.cmlfleet.projections");

    private final DeadLetterStore store;
    private final ObjectProvider<DeadLetterRetry> retry;

    public DeadLetterController(DeadLetterStore store, ObjectProvider<DeadLetterRetry> retry) {
        this.store = store;
        this.retry = retry;
    }

    @GetMapping
    @Operation(summary = "Every dead-lettered sequence: group, worker, letters, skipped events, cause, first/last time")
    public List<DeadLetteredSequence> list() {
        return store.sequences();
    }

    @PostMapping("/{group}/{sequence}/retry")
    @Operation(summary = "Hand the worker's parked events to the projection again, in order")
    public RetryOutcome retry(@PathVariable("group") String group, @PathVariable("sequence") String sequence,
                              Principal caller) {
        RetryOutcome outcome = retry.getObject().retry(group, sequence);
        LOG.info("Dead letters of worker {} in projection {} retried by {}: {} handled, {}{}",
                SafeText.line(sequence), group, SafeText.line(caller.getName()), outcome.handled(),
                outcome.resolved() ? "resolved" : "failed again: " + outcome.remaining().causeMessage(),
                outcome.rebuildNeeded() ? "; " + outcome.skippedEvents() + " skipped event(s): rebuild the projection"
                        : "");
        return outcome;
    }

    @DeleteMapping("/{group}/{sequence}")
    @Operation(summary = "Drop the worker's parked events from the projection (rebuild it to apply them again)")
    public EvictedSequence evict(@PathVariable("group") String group, @PathVariable("sequence") String sequence,
                                 Principal caller) {
        int evicted = store.evict(group, sequence);
        if (evicted == 0) {
            throw new UnknownDeadLetterSequenceException(group, sequence);
        }
        LOG.warn("Dead letters of worker {} in projection {} evicted by {}: {} event(s) dropped from the projection",
                SafeText.line(sequence), group, SafeText.line(caller.getName()), evicted);
        return new EvictedSequence(group, sequence, evicted);
    }

    /** Here rather than in {@link ApiProblemHandler}: only this controller raises it. */
    @ExceptionHandler(UnknownDeadLetterSequenceException.class)
    public ResponseEntity<ProblemDetail> unknownSequence(UnknownDeadLetterSequenceException unknown,
                                                         HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                SafeText.line(unknown.getMessage()));
        problem.setType(ProblemTypes.UNKNOWN_DEAD_LETTER_SEQUENCE);
        problem.setTitle("Unknown dead-letter sequence");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** What an eviction removed. */
    public record EvictedSequence(String processingGroup, String sequenceIdentifier, int evictedLetters) {
    }
}
