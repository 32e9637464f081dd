package io.cmlfleet.bootstrap;

import io.cmlfleet.application.readmodel.schema.ProjectionSchema;

/**
 * Version 6 of cmlfleet's schema: the forensic checkpoints ({@code forensic_checkpoint}), for stores created before
 * the table existed. Until the forensic-checkpoints processor has written them, forensics replays from the first
 * event as before.
 */
public class CmlfleetCheckpointsSchemaMigration extends ProjectionScriptMigration {

    public CmlfleetCheckpointsSchemaMigration() {
        super("6", "cmlfleet forensic checkpoints", ProjectionSchema.CHECKPOINTS_SCRIPT);
    }
}
