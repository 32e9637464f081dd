package io.cmlfleet.application.readmodel.query;

/**
 * Worker counts by status and by service status, for the whole fleet and per region, answered with a
 * {@link FleetOverview}.
 *
 * @param region only this AWS region; {@code null}: every region
 */
public record GetFleetOverview(String region) {

    /** The whole fleet. */
    public static GetFleetOverview allRegions() {
        return new GetFleetOverview(null);
    }
}
