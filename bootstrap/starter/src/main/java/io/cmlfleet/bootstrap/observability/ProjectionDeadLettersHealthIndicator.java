package io.cmlfleet.bootstrap.observability;

import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import io.cmlfleet.application.readmodel.deadletter.DeadLetteredSequence;
import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Dead-lettered events of the projections: the count of dead-lettered sequences (workers) per processing group and
 * the first {@value #WORKERS_SHOWN} stale workers. UP even with dead letters: the processors go on for every other
 * worker, and a probe or load balancer acting on DOWN would restart or drain the node for a data problem that a
 * restart does not fix. The details and the gauge {@code cmlfleet.projections.dead.lettered.sequences} are what to
 * alert on. DOWN only when the dead-letter table cannot be read.
 */
class ProjectionDeadLettersHealthIndicator extends AbstractHealthIndicator {

    static final int WORKERS_SHOWN = 20;

    private final DeadLetterStore store;

    ProjectionDeadLettersHealthIndicator(DeadLetterStore store) {
        super("The dead-letter table cannot be read");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> perGroup = store.sequencesPerGroup(ProcessingGroups.ALL);
        List<String> staleWorkers = store.sequences().stream().map(DeadLetteredSequence::sequenceIdentifier)
                .distinct().limit(WORKERS_SHOWN).toList();
        builder.up()
                .withDetail("deadLetteredSequences", perGroup)
                .withDetail("staleWorkers", staleWorkers);
    }
}
