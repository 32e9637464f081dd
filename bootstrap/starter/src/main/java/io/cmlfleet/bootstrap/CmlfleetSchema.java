package io.cmlfleet.bootstrap;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to cmlfleet's schema with Flyway, in a history table of its own so that it never mixes with a
 * host service's own migrations. Runs when the bean is created, before Axon starts its processors.
 */
public class CmlfleetSchema {

    public static final String HISTORY_TABLE = "cmlfleet_schema_history";
    private static final Logger LOG = LoggerFactory.getLogger(CmlfleetSchema.class);

    private final int applied;

    public CmlfleetSchema(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(new String[0])
                .javaMigrations(new CmlfleetSchemaMigration(), new CmlfleetInstanceClaimsMigration(),
                        new CmlfleetLabsSchemaMigration(), new CmlfleetSagaIndexesMigration(),
                        new CmlfleetServiceReasonMigration(), new CmlfleetCheckpointsSchemaMigration(),
                        new CmlfleetFindingsCheckpointsMigration())
                // A host's own tables may already be there: start cmlfleet's history below its first migration.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        applied = flyway.migrate().migrationsExecuted;
        LOG.info("cmlfleet schema is current ({} migration(s) applied now)", applied);
    }

    /** How many migrations this start applied (0 on a store that was already current). */
    public int appliedNow() {
        return applied;
    }
}
