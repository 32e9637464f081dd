package io.cmlfleet.bootstrap;

import io.cmlfleet.application.readmodel.schema.ProjectionSchema;

/**
 * Version 7 of cmlfleet's schema: the findings columns of the forensic checkpoints, for stores created before them.
 * Checkpoints written before have none: findings replay from the first event until the forensic-checkpoints
 * processor has written new ones (a rebuild writes them all).
 */
public class CmlfleetFindingsCheckpointsMigration extends ProjectionScriptMigration {

    public CmlfleetFindingsCheckpointsMigration() {
        super("7", "cmlfleet forensic findings checkpoints", ProjectionSchema.FINDINGS_CHECKPOINTS_SCRIPT);
    }
}
