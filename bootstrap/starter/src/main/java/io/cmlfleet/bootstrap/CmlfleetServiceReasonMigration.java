package io.cmlfleet.bootstrap;

import io.cmlfleet.application.readmodel.schema.ProjectionSchema;

/**
 * Version 5 of cmlfleet's schema: the worker summary's {@code service_reason} column, for stores created before it.
 * A store created since already has it (version 1 runs every projection script), and the script's
 * {@code IF NOT EXISTS} makes this a no-op there. Existing rows get the reason with the next health check; a
 * projection rebuild fills it from the history at once.
 */
public class CmlfleetServiceReasonMigration extends ProjectionScriptMigration {

    public CmlfleetServiceReasonMigration() {
        super("5", "cmlfleet worker summary service reason", ProjectionSchema.SERVICE_REASON_SCRIPT);
    }
}
