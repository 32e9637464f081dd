package io.cmlfleet.application.readmodel.query;

import java.util.List;

/**
 * Answer to {@link GetFleetOverview}.
 *
 * @param region  the region asked for, null for the whole fleet
 * @param totals  the counts over every region asked for
 * @param regions the counts per region, ordered by region code; regions without workers are absent
 */
public record FleetOverview(String region, FleetCounts totals, List<RegionOverview> regions) {

    public FleetOverview {
        regions = List.copyOf(regions);
    }
}
