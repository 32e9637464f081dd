package io.cmlfleet.bootstrap.api;

import io.cmlfleet.application.labs.LabActionResult;
import io.cmlfleet.application.labs.LabOperationsService;
import io.cmlfleet.application.readmodel.query.ListWorkerLabs;
import io.cmlfleet.application.readmodel.query.WorkerLabs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The labs of a worker over HTTP. Listing reads the worker-labs read model (refreshed by the lab listing and after
 * every action); actions go through {@link LabOperationsService}, which has the worker check them, calls CML and
 * records the outcome with the caller's name as {@code requestedBy}. Actions answer once CML has done them.
 */
@RestController
@RequestMapping("/api/v1/workers/{workerId}/labs")
@Tag(name = "labs", description = "List and act on the labs of a worker's CML controller")
public class LabController {

    /** The topology download, which the security chain reserves to ADMIN although it is a GET. */
    static final String TOPOLOGY_PATH = "/api/v1/workers/{workerId}/labs/{labId}/topology";

    private final LabOperationsService labs;
    private final QueryGateway queries;

    public LabController(LabOperationsService labs, QueryGateway queries) {
        this.labs = labs;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The worker's labs as last listed or acted on, ordered by title")
    public WorkerLabs list(@PathVariable("workerId") String workerId) {
        requireWorker(workerId);
        return queries.query(new ListWorkerLabs(workerId), WorkerLabs.class).join();
    }

    @PostMapping("/{labId}/start")
    @Operation(summary = "Start a lab (ADMIN)")
    public LabActionResult start(@PathVariable("workerId") String workerId, @PathVariable("labId") String labId,
                                 @Valid @RequestBody(required = false) LabActionRequest request, Principal caller) {
        return labs.start(workerId, labId, caller.getName(), reasonOf(request));
    }

    @PostMapping("/{labId}/stop")
    @Operation(summary = "Stop a lab (ADMIN)")
    public LabActionResult stop(@PathVariable("workerId") String workerId, @PathVariable("labId") String labId,
                                @Valid @RequestBody(required = false) LabActionRequest request, Principal caller) {
        return labs.stop(workerId, labId, caller.getName(), reasonOf(request));
    }

    @PostMapping("/{labId}/wipe")
    @Operation(summary = "Wipe a stopped lab (ADMIN); CML refuses to wipe a started one (409)")
    public LabActionResult wipe(@PathVariable("workerId") String workerId, @PathVariable("labId") String labId,
                                @Valid @RequestBody(required = false) LabActionRequest request, Principal caller) {
        return labs.wipe(workerId, labId, caller.getName(), reasonOf(request));
    }

    @DeleteMapping("/{labId}")
    @Operation(summary = "Delete a lab (ADMIN)")
    public LabActionResult delete(@PathVariable("workerId") String workerId, @PathVariable("labId") String labId,
                                  @RequestParam(name = "reason", required = false) @Size(max = 500) String reason,
                                  Principal caller) {
        return labs.delete(workerId, labId, caller.getName(), reason == null ? "deleted over the HTTP API" : reason);
    }

    @GetMapping(value = "/{labId}/topology", produces = "application/x-yaml")
    @Operation(summary = "Download a lab's topology YAML (ADMIN); the download is recorded")
    public ResponseEntity<String> topology(@PathVariable("workerId") String workerId,
                                           @PathVariable("labId") String labId, Principal caller) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-yaml"))
                .body(labs.topology(workerId, labId, caller.getName()));
    }

    @PostMapping
    @Operation(summary = "Import a topology as a new lab (ADMIN)")
    public ResponseEntity<LabActionResult> importLab(@PathVariable("workerId") String workerId,
                                                     @Valid @RequestBody ImportLabRequest request, Principal caller) {
        LabActionResult result = labs.importTopology(workerId, request.title(), request.topology(),
                caller.getName(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/workers/" + workerId + "/labs/" + result.labId()))
                .body(result);
    }

    private void requireWorker(String workerId) {
        KnownWorkers.require(queries, workerId);
    }

    private static String reasonOf(LabActionRequest request) {
        return request == null || request.reason() == null || request.reason().isBlank()
                ? "requested over the HTTP API" : request.reason();
    }
}
