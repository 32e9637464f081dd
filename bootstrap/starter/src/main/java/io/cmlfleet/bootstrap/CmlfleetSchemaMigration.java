package io.cmlfleet.bootstrap;

import io.cmlfleet.application.monitoring.SchedulerTable;
import io.cmlfleet.application.readmodel.schema.ProjectionSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import io.cmlfleet.application.eventstore.H2EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.saga.repository.jdbc.HsqlSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Version 1 of cmlfleet's schema: Axon's event store (on PostgreSQL with BYTEA payloads and a BIGSERIAL global
 * index: no large objects, so no OID trouble) and sagas, as Axon's table factories define them; then tokens, dead
 * letters and read models, and the deadline scheduler's table. One migration serves H2 and PostgreSQL; every step
 * tolerates tables that already exist.
 */
public class CmlfleetSchemaMigration extends CmlfleetJavaMigration {

    public CmlfleetSchemaMigration() {
        super("1", "cmlfleet event store, tokens, sagas, deadlines and read models");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        EventSchema events = new EventSchema();
        if (!tableExists(connection, events.domainEventTable())) {
            EventTableFactory factory = postgres ? PostgresEventTableFactory.INSTANCE : H2EventTableFactory.INSTANCE;
            execute(factory.createDomainEventTable(connection, events));
            execute(factory.createSnapshotEventTable(connection, events));
        }
        SagaSchema sagaSchema = new SagaSchema();
        if (!tableExists(connection, sagaSchema.sagaEntryTable())) {
            SagaSqlSchema sagas = postgres ? new PostgresSagaSqlSchema(sagaSchema) : new HsqlSagaSqlSchema();
            execute(sagas.sql_createTableSagaEntry(connection));
            execute(sagas.sql_createTableAssocValueEntry(connection));
        }
        // Tokens, dead letters and read models (ProjectionSchema), and the deadline table, in each dialect.
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
        SchedulerTable.createIfMissing(dataSource);
        ProjectionSchema.forDataSource(dataSource).createIfMissing();
    }

    private static void execute(PreparedStatement statement) throws SQLException {
        try (statement) {
            statement.executeUpdate();
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        for (String name : new String[]{table, table.toLowerCase(), table.toUpperCase()}) {
            try (var tables = connection.getMetaData().getTables(null, null, name, new String[]{"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
