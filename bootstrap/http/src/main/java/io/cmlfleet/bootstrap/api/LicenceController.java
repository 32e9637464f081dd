package io.cmlfleet.bootstrap.api;

import io.cmlfleet.application.licence.LicenceOperationResult;
import io.cmlfleet.application.licence.LicenceOperationsService;
import io.cmlfleet.application.licence.WorkerLicence;
import io.cmlfleet.application.port.cml.RegistrationToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Smart Licensing of a worker's controller over HTTP. The licence is read from the worker's history (the last
 * licence check and operation); operations go through {@link LicenceOperationsService}, which has the worker accept
 * them, calls CML, follows the operation to its end and records it with the caller's name. Operations answer once
 * they ended (SUCCEEDED, FAILED or TIMED_OUT, all 200 with the outcome); a call CML refuses outright is a 409.
 */
@RestController
@RequestMapping("/api/v1/workers/{workerId}/licence")
@Tag(name = "licence", description = "The Smart Licensing of a worker's CML controller")
public class LicenceController {

    private final LicenceOperationsService licences;
    private final QueryGateway queries;

    public LicenceController(LicenceOperationsService licences, QueryGateway queries) {
        this.licences = licences;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The worker's licence as last checked, and its last licence operation")
    public WorkerLicence licence(@PathVariable("workerId") String workerId) {
        requireWorker(workerId);
        return licences.licence(workerId)
                .orElseThrow(() -> new UnknownWorkerException("No worker with id " + workerId));
    }

    @PostMapping("/registration")
    @Operation(summary = "Register the controller with a Smart Licensing token (ADMIN); the token is never stored")
    public LicenceOperationResult register(@PathVariable("workerId") String workerId,
                                           @Valid @RequestBody RegisterLicenceRequest request, Principal caller) {
        RegistrationToken token = RegistrationToken.of(request.token());
        requireWorker(workerId);
        return licences.register(workerId, token, Boolean.TRUE.equals(request.reregister()), caller.getName(),
                reasonOr(request.reason(), "registered over the HTTP API"));
    }

    @PostMapping("/renewal")
    @Operation(summary = "Renew the authorization (default) or the registration (ADMIN)")
    public LicenceOperationResult renew(@PathVariable("workerId") String workerId,
                                        @Valid @RequestBody(required = false) RenewLicenceRequest request,
                                        Principal caller) {
        requireWorker(workerId);
        String reason = reasonOr(request == null ? null : request.reason(), "renewed over the HTTP API");
        if (request != null && "registration".equals(request.scope())) {
            return licences.renewRegistration(workerId, caller.getName(), reason);
        }
        return licences.renewAuthorization(workerId, caller.getName(), reason);
    }

    @DeleteMapping("/registration")
    @Operation(summary = "Deregister the controller from Smart Licensing (ADMIN)")
    public LicenceOperationResult deregister(@PathVariable("workerId") String workerId,
                                             @RequestParam(name = "reason", required = false) @Size(max = 500)
                                             String reason, Principal caller) {
        requireWorker(workerId);
        return licences.deregister(workerId, caller.getName(), reasonOr(reason, "deregistered over the HTTP API"));
    }

    private void requireWorker(String workerId) {
        KnownWorkers.require(queries, workerId);
    }

    private static String reasonOr(String reason, String otherwise) {
        return reason == null || reason.isBlank() ? otherwise : reason;
    }
}
