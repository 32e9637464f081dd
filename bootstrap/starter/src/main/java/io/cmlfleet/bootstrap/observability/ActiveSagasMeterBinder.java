package io.cmlfleet.bootstrap.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@value #ACTIVE_SAGAS}: saga instances in the saga store, i.e. workers under monitoring (the monitoring saga ends
 * when its worker is terminated). Read with one COUNT per scrape; NaN when the store cannot be read.
 */
class ActiveSagasMeterBinder implements MeterBinder {

    static final String ACTIVE_SAGAS = "cmlfleet.sagas.active";

    private final JdbcTemplate jdbc;
    private final String sagaTable;

    ActiveSagasMeterBinder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sagaTable = new SagaSchema().sagaEntryTable();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(ACTIVE_SAGAS, this, ActiveSagasMeterBinder::count)
                .description("Saga instances in the saga store (workers under monitoring)")
                .register(registry);
    }

    private double count() {
        try {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + sagaTable, Long.class);
            return count == null ? 0 : count;
        } catch (RuntimeException unreadable) {
            return Double.NaN;
        }
    }
}
