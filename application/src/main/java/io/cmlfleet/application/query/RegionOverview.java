package io.cmlfleet.application.query;

/** The counts of one AWS region. */
public record RegionOverview(String region, FleetCounts counts) {
}
