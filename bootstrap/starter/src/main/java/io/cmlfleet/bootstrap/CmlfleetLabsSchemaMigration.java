package io.cmlfleet.bootstrap;

import io.cmlfleet.application.readmodel.schema.ProjectionSchema;

/** Version 3 of cmlfleet's schema: the worker-labs read model ({@code worker_lab}), for stores created before it. */
public class CmlfleetLabsSchemaMigration extends ProjectionScriptMigration {

    public CmlfleetLabsSchemaMigration() {
        super("3", "cmlfleet worker labs read model", ProjectionSchema.LABS_SCRIPT);
    }
}
