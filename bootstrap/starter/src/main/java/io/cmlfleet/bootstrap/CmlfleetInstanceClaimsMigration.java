package io.cmlfleet.bootstrap;

import io.cmlfleet.application.readmodel.schema.ProjectionSchema;
import io.cmlfleet.application.claim.InstanceClaims;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Version 2 of cmlfleet's schema: the {@code instance_claim} table (at most one live worker per instance), for stores
 * created before it existed, filled with the live workers the worker-summary read model knows. A store that already
 * has two live workers on one instance (possible before the table existed) keeps the claim of the earlier one and
 * logs the others, which an operator should terminate. A new store gets the table from version 1 already; then this
 * only finds nothing to fill.
 */
public class CmlfleetInstanceClaimsMigration extends CmlfleetJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(CmlfleetInstanceClaimsMigration.class);

    public CmlfleetInstanceClaimsMigration() {
        super("2", "cmlfleet instance claims: one live worker per instance");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        ProjectionSchema.forDataSource(new SingleConnectionDataSource(connection, true)).createIfMissing();
        Set<String> claimed = new HashSet<>();
        try (PreparedStatement existing = connection.prepareStatement(
                "SELECT region, instance_id FROM " + InstanceClaims.TABLE);
             ResultSet rows = existing.executeQuery()) {
            while (rows.next()) {
                claimed.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        try (PreparedStatement live = connection.prepareStatement("SELECT worker_id, region, instance_id, created_at,"
                + " updated_at FROM " + ProjectionTables.WORKER_SUMMARY + " WHERE terminated_at IS NULL AND status <>"
                + " 'TERMINATED' AND region IS NOT NULL AND instance_id IS NOT NULL ORDER BY created_at, worker_id");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + InstanceClaims.TABLE
                     + " (region, instance_id, worker_id, claimed_at) VALUES (?, ?, ?, ?)");
             ResultSet workers = live.executeQuery()) {
            while (workers.next()) {
                String workerId = workers.getString(1);
                String region = workers.getString(2);
                String instanceId = workers.getString(3);
                if (!claimed.add(region + " " + instanceId)) {
                    LOG.warn("Worker {} watches instance {} in {} like an earlier worker; only the earlier one keeps"
                            + " the instance's claim: terminate {}", workerId, instanceId, region, workerId);
                    continue;
                }
                insert.setString(1, region);
                insert.setString(2, instanceId);
                insert.setString(3, workerId);
                insert.setObject(4, workers.getObject(4) != null ? workers.getObject(4) : workers.getObject(5));
                insert.executeUpdate();
            }
        }
    }
}
