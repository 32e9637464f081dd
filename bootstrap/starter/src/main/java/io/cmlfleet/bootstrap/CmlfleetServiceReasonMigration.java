package io.cmlfleet.bootstrap;

import io.cmlfleet.application.readmodel.schema.ProjectionSchema;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Version 5 of cmlfleet's schema: the worker summary's {@code service_reason} column, for stores created before it.
 * A store created since already has it (version 1 runs every projection script), and the script's
 * {@code IF NOT EXISTS} makes this a no-op there. Existing rows get the reason with the next health check; a
 * projection rebuild fills it from the history at once.
 */
public class CmlfleetServiceReasonMigration extends CmlfleetJavaMigration {

    public CmlfleetServiceReasonMigration() {
        super("5", "cmlfleet worker summary service reason");
    }

    @Override
    public void migrate(Context context) throws Exception {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(context.getConnection(), true);
        ProjectionSchema.forDataSource(dataSource).run(ProjectionSchema.SERVICE_REASON_SCRIPT);
    }
}
