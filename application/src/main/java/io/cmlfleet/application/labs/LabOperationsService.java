package io.cmlfleet.application.labs;

import io.cmlfleet.application.messaging.DomainCommands;
import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlLabImport;
import io.cmlfleet.application.port.cml.CmlLabOperations;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.LabAction;
import io.cmlfleet.domain.worker.LabActionTarget;
import io.cmlfleet.domain.worker.LabFacts;
import io.cmlfleet.domain.worker.LabInputRules;
import io.cmlfleet.domain.worker.LabOutcome;
import io.cmlfleet.domain.worker.command.PrepareLabAction;
import io.cmlfleet.domain.worker.command.RecordLabAction;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on the labs of a worker's CML controller. The aggregate checks each action first ({@code PrepareLabAction}:
 * input, a reachable CML API, CML's own transition rules where the worker knows the lab), then CML is called here,
 * outside any command handler since it is network I/O, and the outcome is recorded as {@code LabActionRecorded}:
 * who, why, and what CML did or said. A refused check records nothing and calls nothing.
 */
public class LabOperationsService {

    private static final Logger LOG = LoggerFactory.getLogger(LabOperationsService.class);

    private final CmlLabOperations cml;
    private final CommandGateway commands;
    private final Clock clock;

    public LabOperationsService(CmlLabOperations cml, CommandGateway commands, Clock clock) {
        this.cml = Objects.requireNonNull(cml, "cml");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LabActionResult start(String workerId, String labId, String requestedBy, String reason) {
        return onExistingLab(workerId, LabAction.START, labId, requestedBy, reason, cml::startLab);
    }

    public LabActionResult stop(String workerId, String labId, String requestedBy, String reason) {
        return onExistingLab(workerId, LabAction.STOP, labId, requestedBy, reason, cml::stopLab);
    }

    public LabActionResult wipe(String workerId, String labId, String requestedBy, String reason) {
        return onExistingLab(workerId, LabAction.WIPE, labId, requestedBy, reason, cml::wipeLab);
    }

    public LabActionResult delete(String workerId, String labId, String requestedBy, String reason) {
        return onExistingLab(workerId, LabAction.DELETE, labId, requestedBy, reason, cml::deleteLab);
    }

    /** The lab's topology YAML; the download is recorded, since it hands the lab's definition out. */
    public String topology(String workerId, String labId, String requestedBy) {
        String[] yaml = new String[1];
        onExistingLab(workerId, LabAction.DOWNLOAD, labId, requestedBy, null,
                (target, id) -> yaml[0] = cml.downloadTopology(target, id));
        return yaml[0];
    }

    /** Imports a topology as a new lab; the topology itself is not recorded, only the new lab. */
    public LabActionResult importTopology(String workerId, String title, String topologyYaml, String requestedBy,
                                          String reason) {
        LabInputRules.topology("topology", topologyYaml);
        MetaData operation = operation(requestedBy);
        CmlTarget target = prepare(new PrepareLabAction(workerId, LabAction.IMPORT, null, title, requestedBy,
                reason), operation);
        CmlLabImport imported;
        try {
            imported = cml.importTopology(target, title, topologyYaml);
        } catch (CmlAccessException e) {
            record(operation, new RecordLabAction(workerId, LabAction.IMPORT, null, title, requestedBy, reason,
                    LabOutcome.FAILED, null, e.kind().name(), e.getMessage(), clock.instant()));
            throw e;
        }
        LabFacts lab = describe(target, imported.labId());
        record(operation, new RecordLabAction(workerId, LabAction.IMPORT, imported.labId(), title, requestedBy,
                reason, LabOutcome.SUCCEEDED, lab, null, null, clock.instant()));
        LOG.info("Lab {} imported on worker {} by {} ({} warnings)", imported.labId(), workerId, requestedBy,
                imported.warnings().size());
        return new LabActionResult(workerId, LabAction.IMPORT, imported.labId(), requestedBy, lab,
                imported.warnings());
    }

    @FunctionalInterface
    private interface LabCall {
        void perform(CmlTarget target, String labId);
    }

    private LabActionResult onExistingLab(String workerId, LabAction action, String labId, String requestedBy,
                                          String reason, LabCall call) {
        MetaData operation = operation(requestedBy);
        CmlTarget target = prepare(new PrepareLabAction(workerId, action, labId, null, requestedBy, reason),
                operation);
        // The title before a delete, for the record; after any other action, the lab as it is now.
        LabFacts before = action == LabAction.DELETE ? describe(target, labId) : null;
        try {
            call.perform(target, labId);
        } catch (CmlAccessException e) {
            record(operation, new RecordLabAction(workerId, action, labId, before == null ? null : before.title(),
                    requestedBy, reason, LabOutcome.FAILED, null, e.kind().name(), e.getMessage(), clock.instant()));
            throw e;
        }
        LabFacts after = action == LabAction.DELETE ? null : describe(target, labId);
        LabFacts known = after != null ? after : before;
        record(operation, new RecordLabAction(workerId, action, labId, known == null ? null : known.title(),
                requestedBy, reason, LabOutcome.SUCCEEDED, after, null, null, clock.instant()));
        LOG.info("Lab {} {} on worker {} by {}", labId, action.pastTense(), workerId, requestedBy);
        return new LabActionResult(workerId, action, labId, requestedBy, after, List.of());
    }

    /** The lab as CML describes it; null when that read fails, which must not hide the action's own outcome. */
    private LabFacts describe(CmlTarget target, String labId) {
        try {
            return cml.lab(target, labId);
        } catch (CmlAccessException e) {
            LOG.warn("Could not read lab {} of worker {} for the record: {}", labId, target.workerId(),
                    e.getMessage());
            return null;
        }
    }

    private CmlTarget prepare(PrepareLabAction command, MetaData operation) {
        LabActionTarget target = DomainCommands.sendAndWait(commands, command, operation);
        return new CmlTarget(target.workerId(), URI.create(target.endpoint()));
    }

    private void record(MetaData operation, RecordLabAction command) {
        DomainCommands.sendAndWait(commands, command, operation);
    }

    /** One operator action: both of its commands, and so its event, carry the same correlation id. */
    private static MetaData operation(String issuedBy) {
        return RefreshCorrelation.metaData(UUID.randomUUID().toString(),
                issuedBy == null || issuedBy.isBlank() ? "unknown" : issuedBy);
    }
}
