package io.cmlfleet.bootstrap;

import io.cmlfleet.application.readmodel.schema.ProjectionSchema;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Version 4 of cmlfleet's schema: the forensic checkpoints ({@code forensic_checkpoint}), for stores created before
 * the table existed (a store created since has it from version 1, so this is a no-op there). The
 * forensic-checkpoints processing group then writes them from the first event, like any new projection; until it
 * has caught up, forensics replays from the first event as before.
 */
public class CmlfleetCheckpointsSchemaMigration extends CmlfleetJavaMigration {

    public CmlfleetCheckpointsSchemaMigration() {
        super("4", "cmlfleet forensic checkpoints");
    }

    @Override
    public void migrate(Context context) throws Exception {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(context.getConnection(), true);
        ProjectionSchema.forDataSource(dataSource).run(ProjectionSchema.CHECKPOINTS_SCRIPT);
    }
}
