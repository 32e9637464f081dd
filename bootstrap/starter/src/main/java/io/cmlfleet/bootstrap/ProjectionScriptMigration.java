package io.cmlfleet.bootstrap;

import io.cmlfleet.application.readmodel.schema.ProjectionSchema;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A migration that adds one read-side table to stores created before it existed, by running its projection script
 * ({@link ProjectionSchema#run}). A store created since already has the table (version 1 runs every projection
 * script), so the script's {@code IF NOT EXISTS} makes the migration a no-op there; the table's processing group
 * then fills it from the events, like any new projection.
 */
abstract class ProjectionScriptMigration extends CmlfleetJavaMigration {

    private final String script;

    ProjectionScriptMigration(String version, String description, String script) {
        super(version, description);
        this.script = script;
    }

    @Override
    public void migrate(Context context) throws Exception {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(context.getConnection(), true);
        ProjectionSchema.forDataSource(dataSource).run(script);
    }
}
