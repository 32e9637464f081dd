package io.cmlfleet.application.lifecycle;

import io.cmlfleet.application.claim.InstanceAlreadyWatchedException;
import io.cmlfleet.application.messaging.DomainCommands;
import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceLifecycle;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.LaunchRequest;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.ProvisionInputRules;
import io.cmlfleet.domain.worker.WorkerInputRules;
import io.cmlfleet.domain.worker.WorkerPlacement;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.command.ImportWorker;
import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.command.RecordLifecycleActionFailure;
import io.cmlfleet.domain.worker.command.RegisterWorker;
import io.cmlfleet.domain.worker.command.RequestLifecycleAction;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Provision, import, start, stop and terminate workers. The aggregate is asked first (it validates and records the
 * request), then EC2 is called; a refused EC2 call is recorded as {@code LifecycleActionFailed}. The transitions
 * themselves are left to monitoring, which observes them from EC2.
 */
public class WorkerLifecycleService {

    /** Tag put on every instance cmlfleet launches, so an orphaned instance can be found and imported. */
    public static final String WORKER_ID_TAG = "cmlfleet:worker-id";
    private static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLifecycleService.class);

    private final InstanceLifecycle ec2;
    private final InstanceInventory inventory;
    private final CommandGateway commands;
    private final Clock clock;

    public WorkerLifecycleService(InstanceLifecycle ec2, InstanceInventory inventory, CommandGateway commands,
                                  Clock clock) {
        this.ec2 = ec2;
        this.inventory = inventory;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * RunInstances, then register. Input is validated before anything is launched; if registering fails after the
     * launch, the instance is terminated again so that no unmanaged instance is left running.
     *
     * <p>The launch's client token is this call's own: the instance EC2 answers with is then always the one this
     * call launched, and only that one is compensated. (A token derived from the worker id gave two concurrent
     * provisions of one id the same instance, and the loser's compensation terminated the winner's.) Retries of the
     * one RunInstances call by the SDK still reuse the token, so they never launch twice.
     */
    public String provision(ProvisionWorker request) {
        String workerId = WorkerInputRules.workerId("workerId", request.workerId());
        WorkerInputRules.nonBlank("name", request.name());
        String region = WorkerInputRules.region("region", request.region());
        WorkerInputRules.amiId("amiId", request.amiId());
        WorkerInputRules.instanceType("instanceType", request.instanceType());
        if (request.amiName() != null && !request.amiName().isBlank()) {
            WorkerInputRules.nonBlank("amiName", request.amiName());
        }
        ProvisionInputRules.optionalSubnetId("subnetId", request.subnetId());
        ProvisionInputRules.securityGroupIds("securityGroupIds", request.securityGroupIds());
        ProvisionInputRules.optionalKeyName("keyName", request.keyName());
        WorkerInputRules.nonBlank("requestedBy", request.requestedBy());
        Map<String, String> tags = new TreeMap<>(WorkerInputRules.tags("tags", request.tags()));
        tags.put(WORKER_ID_TAG, workerId);
        tags.putIfAbsent("Name", request.name());
        InstanceSnapshot launched = ec2.launch(region, new LaunchRequest(request.amiId(), request.instanceType(),
                request.subnetId(), request.securityGroupIds(), request.keyName(), tags,
                "cmlfleet-" + UUID.randomUUID()));
        try {
            send(new RegisterWorker(workerId, request.name(), region, launched.instanceId(),
                    request.instanceType(), request.amiId(), request.amiName(), tags, request.requestedBy()),
                    operation(request.requestedBy()));
        } catch (RuntimeException registrationFailure) {
            // Losing a race for the worker id is an expected outcome, not an error; the store's own text quotes SQL.
            boolean idTaken = isIdTaken(registrationFailure);
            String why = idTaken ? "worker id " + workerId + " exists already" : registrationFailure.getMessage();
            LOG.atLevel(idTaken ? Level.WARN : Level.ERROR).log("Registering worker {} failed after launching {} in"
                    + " {}; terminating the instance this call launched: {}", workerId, launched.instanceId(), region,
                    why);
            ec2.terminate(region, launched.instanceId());
            throw registrationFailure;
        }
        LOG.info("Provisioned worker {} as {} in {}", workerId, launched.instanceId(), region);
        return launched.instanceId();
    }

    /**
     * Adopt an existing instance: checked with DescribeInstances first, so an unknown id is a clear
     * {@link CloudAccessException} (kind UNKNOWN_INSTANCE) and nothing is stored. Its current EC2 state is recorded
     * right away. An instance another live worker watches is refused with {@link InstanceAlreadyWatchedException}
     * when the new worker's creation commits (the claim is written in that transaction), and nothing is stored.
     */
    public void importInstance(String workerId, String name, String region, String instanceId, String requestedBy) {
        WorkerInputRules.workerId("workerId", workerId);
        WorkerInputRules.region("region", region);
        WorkerInputRules.instanceId("instanceId", instanceId);
        InstanceSnapshot snapshot = inventory.describeAndWait(region, instanceId, DESCRIBE_TIMEOUT);
        MetaData operation = operation(requestedBy);
        send(new ImportWorker(workerId, name, region, instanceId, snapshot.instanceType(),
                snapshot.imageId(), null, snapshot.tags(), requestedBy), operation);
        send(new RecordEc2Observation(workerId, snapshot.stateName(), snapshot.stateCode(),
                snapshot.publicIp(), snapshot.privateIp(), null, null, clock.instant()), operation);
        LOG.info("Imported instance {} in {} as worker {}", instanceId, region, workerId);
    }

    public void start(String workerId, String requestedBy, String reason) {
        act(workerId, LifecycleAction.START, requestedBy, reason);
    }

    public void stop(String workerId, String requestedBy, String reason) {
        act(workerId, LifecycleAction.STOP, requestedBy, reason);
    }

    public void terminate(String workerId, String requestedBy, String reason) {
        act(workerId, LifecycleAction.TERMINATE, requestedBy, reason);
    }

    /** Calls EC2 for an action the aggregate has already recorded (e.g. a stop decided by idle detection). */
    public void callEc2(WorkerPlacement placement, LifecycleAction action) {
        callEc2(placement, action, operation(WorkerState.IDLE_POLICY));
    }

    private void callEc2(WorkerPlacement placement, LifecycleAction action, MetaData operation) {
        try {
            switch (action) {
                case START -> ec2.start(placement.region(), placement.instanceId());
                case STOP -> ec2.stop(placement.region(), placement.instanceId());
                case TERMINATE -> ec2.terminate(placement.region(), placement.instanceId());
            }
            LOG.info("EC2 accepted {} of worker {} ({})", action.name().toLowerCase(Locale.ROOT),
                    placement.workerId(), placement.instanceId());
        } catch (CloudAccessException e) {
            send(new RecordLifecycleActionFailure(placement.workerId(), action, e.kind().name(),
                    e.getMessage(), clock.instant()), operation);
            throw e;
        }
    }

    private void act(String workerId, LifecycleAction action, String requestedBy, String reason) {
        MetaData operation = operation(requestedBy);
        WorkerPlacement placement = send(new RequestLifecycleAction(workerId, action, requestedBy, reason), operation);
        callEc2(placement, action, operation);
    }

    /** One operator action: every command it sends, and so every event, carries the same correlation id. */
    private static MetaData operation(String issuedBy) {
        return RefreshCorrelation.metaData(UUID.randomUUID().toString(),
                issuedBy == null || issuedBy.isBlank() ? "unknown" : issuedBy);
    }

    /**
     * The event store refused the worker's first event: the id exists. Axon says so with an
     * {@link AggregateStreamCreationException}, except when the JDBC driver reports the duplicate key from a batch
     * (H2): then it is an {@code EventStoreException} around the driver's unique violation (SQL state 23505).
     */
    private static boolean isIdTaken(Throwable failure) {
        for (Throwable current = failure; current != null && current.getCause() != current;
             current = current.getCause()) {
            if (current instanceof AggregateStreamCreationException || isUniqueViolation(current)) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's driver may report it on the batch's next exception rather than on the batch failure itself. */
    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                || sql.getNextException() != null && "23505".equals(sql.getNextException().getSQLState()));
    }

    /** A refused instance claim surfaces as itself, not inside the event processing failure Axon wraps it in. */
    private <R> R send(Object command, MetaData operation) {
        try {
            return DomainCommands.sendAndWait(commands, command, operation);
        } catch (RuntimeException failure) {
            throw InstanceAlreadyWatchedException.in(failure).<RuntimeException>map(claimed -> claimed)
                    .orElse(failure);
        }
    }
}
