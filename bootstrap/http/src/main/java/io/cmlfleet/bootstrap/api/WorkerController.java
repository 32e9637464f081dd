package io.cmlfleet.bootstrap.api;

import io.cmlfleet.application.lifecycle.ProvisionWorker;
import io.cmlfleet.application.lifecycle.WorkerLifecycleService;
import io.cmlfleet.application.readmodel.query.FindWorkerById;
import io.cmlfleet.application.readmodel.query.FindWorkerByInstanceId;
import io.cmlfleet.application.readmodel.query.GetTelemetryHistory;
import io.cmlfleet.application.readmodel.query.ListWorkers;
import io.cmlfleet.application.readmodel.query.TelemetryHistory;
import io.cmlfleet.application.readmodel.query.WorkerPage;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import io.cmlfleet.application.refresh.RefreshOutcome;
import io.cmlfleet.application.refresh.RefreshRequests;
import io.cmlfleet.application.refresh.WorkerRef;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.InvalidWorkerInputException;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.command.ClearEndpoint;
import io.cmlfleet.domain.worker.command.ConfigureIdleStop;
import io.cmlfleet.domain.worker.command.SnoozeIdleStop;
import io.cmlfleet.domain.worker.command.SetEndpointManually;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workers over HTTP: the same commands and queries a host sends through Axon's gateways, with the authenticated
 * caller's name as the requester. Reads come from the read models (eventually consistent: a worker just created may
 * take a moment to show); writes go to the aggregate, which validates them.
 */
@RestController
@RequestMapping("/api/v1/workers")
@Tag(name = "workers", description = "Provision, import, control and inspect CML workers")
public class WorkerController {

    /** The telemetry window when the caller gives none. */
    static final Duration DEFAULT_TELEMETRY_WINDOW = Duration.ofHours(24);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final WorkerLifecycleService lifecycle;
    private final Clock clock;
    private final RefreshRequests refreshes;

    public WorkerController(CommandGateway commands, QueryGateway queries, WorkerLifecycleService lifecycle,
                            Clock clock, RefreshRequests refreshes) {
        this.refreshes = refreshes;
        this.commands = commands;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Launch an EC2 instance from a CML AMI and register it as a worker (ADMIN)")
    public ResponseEntity<WorkerCreatedResponse> provision(@Valid @RequestBody ProvisionWorkerRequest request,
                                                           Principal caller) {
        requireNewWorkerId(request.workerId());
        String instanceId = lifecycle.provision(new ProvisionWorker(request.workerId(), request.name(),
                request.region(), request.amiId(), request.amiName(), request.instanceType(), request.subnetId(),
                request.securityGroupIds() == null ? java.util.List.of() : request.securityGroupIds(),
                request.keyName(), request.tags() == null ? Map.of() : request.tags(), caller.getName()));
        return created(request.workerId(), instanceId);
    }

    @PostMapping("/import")
    @Operation(summary = "Adopt an existing EC2 instance as a worker (ADMIN)")
    public ResponseEntity<WorkerCreatedResponse> importInstance(@Valid @RequestBody ImportWorkerRequest request,
                                                                Principal caller) {
        requireNewWorkerId(request.workerId());
        lifecycle.importInstance(request.workerId(), request.name(), request.region(), request.instanceId(),
                caller.getName());
        return created(request.workerId(), request.instanceId());
    }

    @PostMapping("/{workerId}/start")
    @Operation(summary = "Start a stopped worker's instance (ADMIN)")
    public ResponseEntity<LifecycleActionAcceptedResponse> start(
            @PathVariable("workerId") String workerId,
            @Valid @RequestBody(required = false) LifecycleActionRequest request, Principal caller) {
        lifecycle.start(workerId, caller.getName(), reasonOf(request));
        return accepted(workerId, LifecycleAction.START, caller);
    }

    @PostMapping("/{workerId}/stop")
    @Operation(summary = "Stop a worker's instance (ADMIN)")
    public ResponseEntity<LifecycleActionAcceptedResponse> stop(
            @PathVariable("workerId") String workerId,
            @Valid @RequestBody(required = false) LifecycleActionRequest request, Principal caller) {
        lifecycle.stop(workerId, caller.getName(), reasonOf(request));
        return accepted(workerId, LifecycleAction.STOP, caller);
    }

    @PostMapping("/{workerId}/terminate")
    @Operation(summary = "Terminate a worker's instance; the worker's history is kept (ADMIN)")
    public ResponseEntity<LifecycleActionAcceptedResponse> terminate(
            @PathVariable("workerId") String workerId,
            @Valid @RequestBody(required = false) LifecycleActionRequest request, Principal caller) {
        lifecycle.terminate(workerId, caller.getName(), reasonOf(request));
        return accepted(workerId, LifecycleAction.TERMINATE, caller);
    }

    @PostMapping("/{workerId}/refresh")
    @Operation(summary = "Refresh a worker now (ADMIN); performed=false with skippedBecause when held back")
    public RefreshOutcome refresh(@PathVariable("workerId") String workerId, Principal caller) {
        WorkerSummary worker = findWorker(workerId);
        // Straight to the refresh executor: the request thread waits, no command thread does. A failure arrives
        // wrapped in a CompletionException, which ApiProblemHandler unwraps like any future's.
        return refreshes.request(new WorkerRef(worker.workerId(), worker.region(), worker.instanceId()),
                RefreshTrigger.ON_DEMAND, caller.getName()).join();
    }

    @PutMapping("/{workerId}/endpoint")
    @Operation(summary = "Set the worker's HTTPS endpoint manually (ADMIN)")
    public ResponseEntity<Void> setEndpoint(@PathVariable("workerId") String workerId,
                                            @Valid @RequestBody SetEndpointRequest request, Principal caller) {
        commands.sendAndWait(new SetEndpointManually(workerId, request.endpoint(), caller.getName()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{workerId}/endpoint")
    @Operation(summary = "Remove the worker's endpoint (ADMIN)")
    public ResponseEntity<Void> clearEndpoint(@PathVariable("workerId") String workerId,
                                              @RequestParam(name = "reason", required = false) @Size(max = 500)
                                              String reason, Principal caller) {
        commands.sendAndWait(new ClearEndpoint(workerId, caller.getName(),
                reason == null ? "cleared over the HTTP API" : reason));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{workerId}/idle-stop")
    @Operation(summary = "Allow or forbid idle stopping of this worker (ADMIN)")
    public ResponseEntity<Void> configureIdleStop(@PathVariable("workerId") String workerId,
                                                  @Valid @RequestBody IdleStopRequest request, Principal caller) {
        commands.sendAndWait(new ConfigureIdleStop(workerId, request.enabled(), caller.getName()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{workerId}/idle-stop/snooze")
    @Operation(summary = "No idle warning or stop of this worker for a while (ADMIN)")
    public IdleStopSnoozedResponse snoozeIdleStop(@PathVariable("workerId") String workerId,
                                                  @Valid @RequestBody SnoozeIdleStopRequest request,
                                                  Principal caller) {
        java.time.Instant until = commands.sendAndWait(new SnoozeIdleStop(workerId,
                java.time.Duration.ofMinutes(request.minutes()), caller.getName(), request.reason()));
        return new IdleStopSnoozedResponse(workerId, until, caller.getName());
    }

    @GetMapping
    @Operation(summary = "List workers, ordered by name, with optional filters")
    public WorkerPageResponse list(
            @RequestParam(name = "status", required = false) WorkerStatus status,
            @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "serviceStatus", required = false) CmlServiceStatus serviceStatus,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(ListWorkers.MAX_PAGE_SIZE) int size) {
        WorkerPage result = queries.query(new ListWorkers(status, region, serviceStatus, page, size),
                WorkerPage.class).join();
        return WorkerPageResponse.of(result);
    }

    @GetMapping("/{workerId}")
    @Operation(summary = "One worker's summary")
    public WorkerSummary get(@PathVariable("workerId") String workerId) {
        return findWorker(workerId);
    }

    @GetMapping("/by-instance/{instanceId}")
    @Operation(summary = "The worker watching an EC2 instance")
    public WorkerSummary getByInstance(@PathVariable("instanceId") String instanceId) {
        Optional<WorkerSummary> worker = queries.query(new FindWorkerByInstanceId(instanceId),
                ResponseTypes.optionalInstanceOf(WorkerSummary.class)).join();
        return worker.orElseThrow(() -> new UnknownWorkerException("No worker watches instance " + instanceId));
    }

    @GetMapping("/{workerId}/telemetry")
    @Operation(summary = "CPU and memory samples in [from, to); default: the last 24 hours")
    public TelemetryHistory telemetry(
            @PathVariable("workerId") String workerId,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            Instant from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            Instant to) {
        Instant windowEnd = to == null ? clock.instant() : to;
        Instant windowStart = from == null ? windowEnd.minus(DEFAULT_TELEMETRY_WINDOW) : from;
        if (!windowStart.isBefore(windowEnd)) {
            throw new InvalidWorkerInputException("from", "must be before to (" + windowEnd + "), was " + windowStart);
        }
        findWorker(workerId);
        return queries.query(new GetTelemetryHistory(workerId, windowStart, windowEnd), TelemetryHistory.class)
                .join();
    }

    /**
     * Refuses a known worker id up front, from the read model: provisioning would otherwise launch (and then
     * terminate again) an instance before the event store refuses the id. The event store still has the last word.
     */
    private void requireNewWorkerId(String workerId) {
        if (queries.query(new FindWorkerById(workerId), ResponseTypes.optionalInstanceOf(WorkerSummary.class))
                .join().isPresent()) {
            throw new WorkerAlreadyExistsException(workerId);
        }
    }

    private WorkerSummary findWorker(String workerId) {
        Optional<WorkerSummary> worker = queries.query(new FindWorkerById(workerId),
                ResponseTypes.optionalInstanceOf(WorkerSummary.class)).join();
        return worker.orElseThrow(() -> new UnknownWorkerException("No worker with id " + workerId));
    }

    private static String reasonOf(LifecycleActionRequest request) {
        return request == null || request.reason() == null || request.reason().isBlank()
                ? "requested over the HTTP API" : request.reason();
    }

    private static ResponseEntity<WorkerCreatedResponse> created(String workerId, String instanceId) {
        return ResponseEntity.created(URI.create("/api/v1/workers/" + workerId))
                .body(new WorkerCreatedResponse(workerId, instanceId));
    }

    private static ResponseEntity<LifecycleActionAcceptedResponse> accepted(String workerId, LifecycleAction action,
                                                                            Principal caller) {
        return ResponseEntity.accepted().body(new LifecycleActionAcceptedResponse(workerId, action,
                caller.getName()));
    }
}
