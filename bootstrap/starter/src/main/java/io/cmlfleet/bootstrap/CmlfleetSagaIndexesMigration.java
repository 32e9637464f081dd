package io.cmlfleet.bootstrap;

import java.sql.Statement;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 4 of cmlfleet's schema: indexes on the saga association table, which Axon's table factories create
 * without any. Every refresh deadline loads its worker's saga: Axon finds it by association ({@code workerId}) and
 * then reads its associations by saga id, and without indexes both are full scans of a table with a row per worker,
 * so the cost of one refresh grew with the fleet and the fleet's cost with its square. The same statements serve H2
 * and PostgreSQL; {@code IF NOT EXISTS} keeps them harmless where an operator added such indexes already.
 */
public class CmlfleetSagaIndexesMigration extends CmlfleetJavaMigration {

    /** Axon's lookup of the sagas associated with a value: {@code findSagas(type, key=value)}. */
    static final String BY_ASSOCIATION = "association_value_entry_lookup_idx";
    /** Axon's load of one saga's associations: {@code loadAssociations(sagaId, type)}. */
    static final String BY_SAGA = "association_value_entry_saga_idx";

    public CmlfleetSagaIndexesMigration() {
        super("4", "cmlfleet saga association indexes");
    }

    @Override
    public void migrate(Context context) throws Exception {
        String table = new SagaSchema().associationValueEntryTable();
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS " + BY_ASSOCIATION + " ON " + table
                    + " (sagaType, associationKey, associationValue)");
            statement.execute("CREATE INDEX IF NOT EXISTS " + BY_SAGA + " ON " + table + " (sagaId, sagaType)");
        }
    }
}
