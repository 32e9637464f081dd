package io.cmlfleet.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.jdbc.HsqlSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one refresh deadline pays to find and load its worker's saga, by fleet size, without and with the saga
 * association indexes of schema version 4, side by side in one run on file-based H2, for {@code docs/benchmarks.md}.
 * Not part of the test run (tag {@code benchmark}); run with
 * {@code mvn -B -pl bootstrap/starter -am test -Dgroups=benchmark -Dcmlfleet.excluded-tests=none -Dtest=SagaLookupBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints medians; it asserts only that every lookup found its saga.
 */
@Tag("benchmark")
class SagaLookupBenchmarkTest {

    private static final int[] FLEETS = {1_000, 10_000};
    private static final int LOOKUPS = 200;
    private static final String TYPE = "io.cmlfleet.application.monitoring.WorkerMonitoringSaga";

    @TempDir
    Path dir;

    @Test
    void findAndLoadASagaByFleetSize() throws Exception {
        for (int fleet : FLEETS) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + dir.resolve("sagas-" + fleet) + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            JdbcSagaStore store = JdbcSagaStore.builder().connectionProvider(new DataSourceConnectionProvider(h2))
                    .sqlSchema(new HsqlSagaSqlSchema()).serializer(CmlfleetSerializer.create()).build();
            store.createSchema();
            for (int i = 0; i < fleet; i++) {
                store.insertSaga(BenchSaga.class, "saga-" + i, new BenchSaga(),
                        Set.of(new AssociationValue("workerId", "worker-" + i)));
            }
            double without = medianMicros(store, fleet);
            try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
                // The statements of io.cmlfleet.bootstrap.CmlfleetSagaIndexesMigration.
                statement.execute("CREATE INDEX association_value_entry_lookup_idx ON AssociationValueEntry"
                        + " (sagaType, associationKey, associationValue)");
                statement.execute("CREATE INDEX association_value_entry_saga_idx ON AssociationValueEntry"
                        + " (sagaId, sagaType)");
            }
            double with = medianMicros(store, fleet);
            System.out.printf("BENCH saga lookup, %,d sagas: find + load %.0f µs without indexes, %.0f µs with"
                    + " (%.1f ×)%n", fleet, without, with, without / with);
        }
    }

    private static double medianMicros(JdbcSagaStore store, int fleet) {
        List<Long> nanos = new ArrayList<>();
        for (int n = 0; n < LOOKUPS; n++) {
            String worker = "worker-" + (n * 7919 % fleet);
            long started = System.nanoTime();
            Set<String> found = store.findSagas(BenchSaga.class, new AssociationValue("workerId", worker));
            assertThat(found).hasSize(1);
            assertThat(store.loadSaga(BenchSaga.class, found.iterator().next())).isNotNull();
            nanos.add(System.nanoTime() - started);
        }
        Collections.sort(nanos);
        return nanos.get(nanos.size() / 2) / 1_000.0;
    }

    /** A saga body; its content does not matter to the lookup. */
    public static class BenchSaga {
        public String workerId = "w";
    }
}
