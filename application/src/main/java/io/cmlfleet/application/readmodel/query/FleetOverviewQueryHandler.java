package io.cmlfleet.application.readmodel.query;

import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/** Answers {@link GetFleetOverview} by grouping the fleet-overview projection ({@code fleet_worker_status}). */
public class FleetOverviewQueryHandler {

    private final JdbcTemplate jdbc;

    public FleetOverviewQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @QueryHandler
    public FleetOverview handle(GetFleetOverview query) {
        String sql = "SELECT region, status, service_status, COUNT(*) AS workers FROM "
                + ProjectionTables.FLEET_WORKER_STATUS
                + (query.region() == null ? "" : " WHERE region = ?")
                + " GROUP BY region, status, service_status";
        Object[] parameters = query.region() == null ? new Object[0] : new Object[]{query.region()};

        // TreeMap: regions come out ordered by code, whatever order the database groups them in.
        Map<String, FleetCounts> byRegion = new TreeMap<>();
        FleetCounts[] totals = {FleetCounts.empty()};
        jdbc.query(sql, rs -> {
            String region = rs.getString("region");
            WorkerStatus status = WorkerStatus.valueOf(rs.getString("status"));
            CmlServiceStatus serviceStatus = CmlServiceStatus.valueOf(rs.getString("service_status"));
            long workers = rs.getLong("workers");
            byRegion.merge(region == null ? "" : region, FleetCounts.empty().plus(status, serviceStatus, workers),
                    (known, added) -> known.plus(status, serviceStatus, workers));
            totals[0] = totals[0].plus(status, serviceStatus, workers);
        }, parameters);

        List<RegionOverview> regions = new ArrayList<>();
        byRegion.forEach((region, counts) -> regions.add(new RegionOverview(region, counts)));
        return new FleetOverview(query.region(), totals[0], regions);
    }
}
