package io.cmlfleet.bootstrap;

import io.cmlfleet.application.readmodel.schema.ProjectionSchema;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Version 3 of cmlfleet's schema: the worker-labs read model ({@code worker_lab}), for stores created by version 1
 * before the table existed. A store created since already has it (version 1 runs every projection script), so the
 * script's {@code IF NOT EXISTS} makes this a no-op there. The worker-labs processing group then builds the table
 * from the events, like any new projection.
 */
public class CmlfleetLabsSchemaMigration extends CmlfleetJavaMigration {

    public CmlfleetLabsSchemaMigration() {
        super("3", "cmlfleet worker labs read model");
    }

    @Override
    public void migrate(Context context) throws Exception {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(context.getConnection(), true);
        ProjectionSchema.forDataSource(dataSource).run(ProjectionSchema.LABS_SCRIPT);
    }
}
