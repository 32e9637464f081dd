package io.cmlfleet.bootstrap.api;

import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.FleetTimeline;
import io.cmlfleet.application.forensics.GetFleetTimeline;
import io.cmlfleet.application.forensics.GetWorkerFindings;
import io.cmlfleet.application.forensics.GetWorkerStateAt;
import io.cmlfleet.application.forensics.GetWorkerTimeline;
import io.cmlfleet.application.forensics.TimelinePage;
import io.cmlfleet.application.rendering.TimelineFormat;
import io.cmlfleet.application.rendering.TimelineRenderer;
import io.cmlfleet.application.forensics.WorkerStateSnapshot;
import io.cmlfleet.application.forensics.WorkerTimeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Set;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The forensic questions over HTTP, answered from the event store through the query gateway: a worker's timeline,
 * its state at an instant, findings over a window, and the fleet-wide timeline. {@code format} picks text (default),
 * json-lines, csv or markdown, as on the command line.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "forensics", description = "Timelines, state at an instant and findings from the event history")
public class ForensicsController {

    private final QueryGateway queries;

    public ForensicsController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The sequence number to pass as {@code after} for the next page; absent on the last page. */
    public static final String NEXT_AFTER_HEADER = "Cmlfleet-Next-After";
    /** How many events the worker's whole history holds. */
    public static final String HISTORY_EVENTS_HEADER = "Cmlfleet-History-Events";

    @GetMapping("/workers/{id}/timeline")
    @Operation(summary = "One page of a worker's events (limit, after), described, with correlation ids and issuers")
    public ResponseEntity<String> timeline(@PathVariable("id") String workerId,
                                           @RequestParam(name = "from", required = false) Instant from,
                                           @RequestParam(name = "to", required = false) Instant to,
                                           @RequestParam(name = "types", required = false) Set<String> types,
                                           @RequestParam(name = "limit", required = false) Integer limit,
                                           @RequestParam(name = "after", required = false) Long after,
                                           @RequestParam(name = "format", required = false) String format) {
        TimelineFormat chosen = TimelineFormat.parse(format);
        WorkerTimeline timeline = queries.query(new GetWorkerTimeline(workerId, from, to,
                types == null ? Set.of() : types, TimelinePage.of(after, limit)), WorkerTimeline.class).join();
        ResponseEntity<String> body = rendered(chosen, chosen.renderer().timeline(timeline));
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(body.getHeaders());
        headers.set(HISTORY_EVENTS_HEADER, Long.toString(timeline.historyEvents()));
        if (timeline.next() != null) {
            headers.set(NEXT_AFTER_HEADER, Long.toString(timeline.next()));
            headers.add(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("after", timeline.next()).build().toUriString() + ">; rel=\"next\"");
        }
        return ResponseEntity.ok().headers(headers).body(body.getBody());
    }

    @GetMapping("/workers/{id}/state")
    @Operation(summary = "What was known about a worker at an instant, and what the refresh gate decided")
    public ResponseEntity<String> stateAt(@PathVariable("id") String workerId, @RequestParam("at") Instant at,
                                          @RequestParam(name = "format", required = false) String format) {
        WorkerStateSnapshot snapshot = queries.query(new GetWorkerStateAt(workerId, at), WorkerStateSnapshot.class)
                .join();
        TimelineFormat chosen = TimelineFormat.parse(format);
        return rendered(chosen, chosen.renderer().snapshot(snapshot));
    }

    @GetMapping("/workers/{id}/findings")
    @Operation(summary = "Monitoring gaps, flapping, stuck states, failures and the CML query explanation")
    public ResponseEntity<String> findings(@PathVariable("id") String workerId,
                                           @RequestParam(name = "from", required = false) Instant from,
                                           @RequestParam(name = "to", required = false) Instant to,
                                           @RequestParam(name = "format", required = false) String format) {
        Findings findings = queries.query(new GetWorkerFindings(workerId, from, to), Findings.class).join();
        TimelineFormat chosen = TimelineFormat.parse(format);
        return rendered(chosen, chosen.renderer().findings(findings));
    }

    @GetMapping("/fleet/timeline")
    @Operation(summary = "All workers' events in a time window, merged in time order")
    public ResponseEntity<String> fleetTimeline(@RequestParam("from") Instant from,
                                                @RequestParam(name = "to", required = false) Instant to,
                                                @RequestParam(name = "types", required = false) Set<String> types,
                                                @RequestParam(name = "limit", defaultValue = "1000") int limit,
                                                @RequestParam(name = "format", required = false) String format) {
        FleetTimeline timeline = queries.query(new GetFleetTimeline(from, to, types == null ? Set.of() : types,
                limit), FleetTimeline.class).join();
        TimelineFormat chosen = TimelineFormat.parse(format);
        return rendered(chosen, chosen.renderer().timeline(timeline));
    }

    private static ResponseEntity<String> rendered(TimelineFormat format, String body) {
        MediaType type = switch (format) {
            case JSON_LINES -> MediaType.parseMediaType("application/x-ndjson");
            case CSV -> MediaType.parseMediaType("text/csv");
            case MARKDOWN -> MediaType.parseMediaType("text/markdown");
            case TEXT -> MediaType.TEXT_PLAIN;
        };
        return ResponseEntity.ok().contentType(type).body(body);
    }
}
