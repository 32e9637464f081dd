package io.cmlfleet.bootstrap.observability;

import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@value #DEAD_LETTERED_SEQUENCES}{@code {group}}: workers with dead-lettered events in each projection, i.e.
 * workers whose read model is stale there. One GROUP BY per gauge and scrape; NaN when the table cannot be read.
 */
class ProjectionDeadLettersMeterBinder implements MeterBinder {

    static final String DEAD_LETTERED_SEQUENCES = "cmlfleet.projections.dead.lettered.sequences";

    private final DeadLetterStore store;

    ProjectionDeadLettersMeterBinder(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : ProcessingGroups.ALL) {
            Gauge.builder(DEAD_LETTERED_SEQUENCES, () -> count(group))
                    .tag("group", group)
                    .description("Workers with dead-lettered events in the projection (its read model is stale)")
                    .register(registry);
        }
    }

    private double count(String group) {
        try {
            return store.sequencesPerGroup(ProcessingGroups.ALL).getOrDefault(group, 0L);
        } catch (RuntimeException unreadable) {
            return Double.NaN;
        }
    }
}
