package io.cmlfleet.bootstrap.api;

import io.cmlfleet.application.readmodel.query.FleetOverview;
import io.cmlfleet.application.readmodel.query.GetFleetOverview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fleet-wide counts over HTTP. */
@RestController
@RequestMapping("/api/v1/fleet")
@Tag(name = "fleet", description = "Fleet-wide counts")
public class FleetController {

    private final QueryGateway queries;

    public FleetController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/overview")
    @Operation(summary = "Worker counts by status and service status, in all or one region")
    public FleetOverview overview(@RequestParam(name = "region", required = false) String region) {
        return queries.query(new GetFleetOverview(region == null || region.isBlank() ? null : region),
                FleetOverview.class).join();
    }
}
