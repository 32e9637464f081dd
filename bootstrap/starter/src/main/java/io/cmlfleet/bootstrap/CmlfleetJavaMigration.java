package io.cmlfleet.bootstrap;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * What every cmlfleet migration shares: it runs in Flyway's transaction, and it has no checksum (Java code, not a
 * script whose text could drift). Each version says its number, its description and what it does.
 */
abstract class CmlfleetJavaMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    CmlfleetJavaMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
