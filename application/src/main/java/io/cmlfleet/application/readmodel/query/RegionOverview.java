package io.cmlfleet.application.readmodel.query;

/** The counts of one AWS region. */
public record RegionOverview(String region, FleetCounts counts) {
}
