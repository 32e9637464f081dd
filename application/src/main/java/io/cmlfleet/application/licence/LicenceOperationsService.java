package io.cmlfleet.application.licence;

import io.cmlfleet.application.messaging.DomainCommands;
import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlDeregistration;
import io.cmlfleet.application.port.cml.CmlLicenceProgress;
import io.cmlfleet.application.port.cml.CmlLicensingOperations;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.application.port.cml.RegistrationToken;
import io.cmlfleet.domain.worker.KnownLicence;
import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.LicenceOperation;
import io.cmlfleet.domain.worker.LicenceOperationOutcome;
import io.cmlfleet.domain.worker.LicenceOperationRule;
import io.cmlfleet.domain.worker.LicenceOperationTarget;
import io.cmlfleet.domain.worker.command.RecordLicence;
import io.cmlfleet.domain.worker.command.RecordLicenceOperationOutcome;
import io.cmlfleet.domain.worker.command.RequestLicenceOperation;
import io.cmlfleet.domain.worker.event.LicenceOperationFinished;
import io.cmlfleet.domain.worker.event.LicenceOperationRequested;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers, renews and deregisters the Smart Licensing of a worker's CML controller. The worker accepts the
 * operation first ({@code RequestLicenceOperation}, recorded as {@code LicenceOperationRequested}), then CML is
 * called here, outside any command handler since it is network I/O, and {@code GET /licensing} is polled until the
 * registration leaves the in-progress states or {@link LicenceOperationSettings#timeout()} runs out; the end is
 * recorded as {@code LicenceOperationFinished} and the licence read then as a licence check ({@code RecordLicence}).
 *
 * <p>The registration token never enters a command, an event, a log line or an exception: it is passed from the
 * caller to the CML adapter only, and any text CML sends back is scrubbed of it before it is recorded or thrown.
 */
public class LicenceOperationsService {

    private static final Logger LOG = LoggerFactory.getLogger(LicenceOperationsService.class);
    private static final String REDACTED = "[token]";

    private final CmlLicensingOperations cml;
    private final CommandGateway commands;
    private final EventStore events;
    private final Clock clock;
    private final LicenceOperationSettings settings;

    /** @param cml the licensing port; null when the host has none, and then every operation is refused */
    public LicenceOperationsService(CmlLicensingOperations cml, CommandGateway commands, EventStore events,
                                    Clock clock, LicenceOperationSettings settings) {
        this.cml = cml;
        this.commands = Objects.requireNonNull(commands, "commands");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public LicenceOperationResult register(String workerId, RegistrationToken token, boolean reregister,
                                           String requestedBy, String reason) {
        Objects.requireNonNull(token, "token");
        return perform(workerId, LicenceOperation.REGISTER, reregister, requestedBy, reason, token,
                target -> {
                    cml.register(target, token, reregister);
                    return null;
                });
    }

    public LicenceOperationResult renewAuthorization(String workerId, String requestedBy, String reason) {
        return perform(workerId, LicenceOperation.RENEW_AUTHORIZATION, false, requestedBy, reason, null, target -> {
            cml.renewAuthorization(target);
            return null;
        });
    }

    public LicenceOperationResult renewRegistration(String workerId, String requestedBy, String reason) {
        return perform(workerId, LicenceOperation.RENEW_REGISTRATION, false, requestedBy, reason, null, target -> {
            cml.renewRegistration(target);
            return null;
        });
    }

    public LicenceOperationResult deregister(String workerId, String requestedBy, String reason) {
        return perform(workerId, LicenceOperation.DEREGISTER, false, requestedBy, reason, null, target -> {
            CmlDeregistration answer = cml.deregister(target);
            if (answer.cssmNotTold()) {
                return "deregistered on the controller, but CML could not tell Smart Software Licensing (HTTP 202)"
                        + (answer.message() == null ? "" : ": " + answer.message());
            }
            return answer.message();
        });
    }

    /** The worker's licence as its history knows it; empty for a worker the store does not know. */
    public Optional<WorkerLicence> licence(String workerId) {
        Objects.requireNonNull(workerId, "workerId");
        KnownLicence known = KnownLicence.NONE;
        boolean any = false;
        // From the first event, like forensics: the licence events are few and the store is the record.
        DomainEventStream stream = events.readEvents(workerId, 0L);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            any |= payload instanceof WorkerEvent;
            if (payload instanceof LicenceStateChanged e) {
                known = known.on(e);
            } else if (payload instanceof LicenceOperationRequested e) {
                known = known.on(e);
            } else if (payload instanceof LicenceOperationFinished e) {
                known = known.on(e);
            }
        }
        return any ? Optional.of(WorkerLicence.of(workerId, known)) : Optional.empty();
    }

    /** One CML call; answers CML's remark on it (null for none). */
    @FunctionalInterface
    private interface LicenceCall {
        String perform(CmlTarget target);
    }

    private LicenceOperationResult perform(String workerId, LicenceOperation operation, boolean reregister,
                                           String requestedBy, String reason, RegistrationToken token,
                                           LicenceCall call) {
        if (cml == null) {
            throw new IllegalStateException("licence operations are not available: this host's CML port does not"
                    + " implement CmlLicensingOperations");
        }
        MetaData correlation = correlation(requestedBy);
        LicenceOperationTarget accepted = DomainCommands.sendAndWait(commands,
                new RequestLicenceOperation(workerId, operation, reregister, requestedBy, reason), correlation);
        CmlTarget target = new CmlTarget(accepted.workerId(), URI.create(accepted.endpoint()));
        LicenceFacts before = read(target, token).map(CmlLicenceProgress::licence).orElse(null);
        Instant requestedAt = clock.instant();
        String remark;
        try {
            remark = scrub(call.perform(target), token);
        } catch (CmlAccessException e) {
            String message = scrub(e.getMessage(), token);
            LicenceOperationResult failed = finish(correlation, workerId, operation, requestedBy,
                    LicenceOperationOutcome.FAILED, before, e.kind() + ": " + message);
            LOG.warn("Licence {} of worker {} by {} failed: {}", operation.noun(), workerId, requestedBy, message);
            throw new CmlAccessException(e.kind(), message, e.retryAfter().orElse(null), null);
        }
        return follow(correlation, workerId, operation, requestedBy, before, requestedAt, remark, target, token);
    }

    /** Polls the licence until the operation ends or the timeout runs out, then records the end. */
    private LicenceOperationResult follow(MetaData correlation, String workerId, LicenceOperation operation,
                                          String requestedBy, LicenceFacts before, Instant requestedAt,
                                          String remark, CmlTarget target, RegistrationToken token) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        CmlLicenceProgress last = null;
        String lastReadFailure = null;
        while (true) {
            try {
                last = cml.licenceProgress(target);
                lastReadFailure = null;
                Optional<LicenceOperationRule.Ended> ended = LicenceOperationRule.ended(operation, before,
                        requestedAt, last.licence(), last.registerAttempt());
                if (ended.isPresent()) {
                    String message = joined(scrub(ended.get().message(), token), remark);
                    return finishAndCheck(correlation, workerId, operation, requestedBy, ended.get().outcome(),
                            last.licence(), message);
                }
            } catch (CmlAccessException e) {
                // A controller busy with CSSM may miss a poll; the deadline still bounds the wait.
                lastReadFailure = scrub(e.getMessage(), token);
            }
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            pause();
        }
        LicenceFacts licence = last == null ? before : last.licence();
        String status = licence == null ? null : licence.registrationStatus();
        String message = "still " + (status == null ? "in progress" : status) + " after "
                + waited(settings.timeout()) + (lastReadFailure == null ? "" : "; last poll failed: "
                + lastReadFailure);
        return finishAndCheck(correlation, workerId, operation, requestedBy, LicenceOperationOutcome.TIMED_OUT,
                last == null ? null : last.licence(), joined(message, remark));
    }

    private LicenceOperationResult finishAndCheck(MetaData correlation, String workerId, LicenceOperation operation,
                                                  String requestedBy, LicenceOperationOutcome outcome,
                                                  LicenceFacts licence, String message) {
        LicenceOperationResult result = finish(correlation, workerId, operation, requestedBy, outcome, licence,
                message);
        if (licence != null) {
            try {
                DomainCommands.sendAndWait(commands, new RecordLicence(workerId, licence, settings.horizon(),
                        clock.instant()), correlation);
            } catch (RuntimeException e) {
                // The outcome is recorded; the next licence check records the licence instead.
                LOG.warn("Licence of worker {} not recorded after its {}: {}", workerId, operation.noun(),
                        e.getMessage());
            }
        }
        LOG.info("Licence {} of worker {} by {}: {}{}", operation.noun(), workerId, requestedBy, outcome,
                message == null ? "" : " - " + message);
        return result;
    }

    private LicenceOperationResult finish(MetaData correlation, String workerId, LicenceOperation operation,
                                          String requestedBy, LicenceOperationOutcome outcome, LicenceFacts licence,
                                          String message) {
        String registration = licence == null ? null : licence.registrationStatus();
        String authorization = licence == null ? null : licence.authorizationStatus();
        DomainCommands.sendAndWait(commands, new RecordLicenceOperationOutcome(workerId, operation, requestedBy,
                outcome, registration, authorization, message, clock.instant()), correlation);
        return new LicenceOperationResult(workerId, operation, requestedBy, outcome, registration, authorization,
                message, licence);
    }

    /** The licence before the call, for the renewals' "a new attempt was made"; empty when it cannot be read. */
    private Optional<CmlLicenceProgress> read(CmlTarget target, RegistrationToken token) {
        try {
            return Optional.of(cml.licenceProgress(target));
        } catch (CmlAccessException e) {
            LOG.warn("Licence of worker {} not readable before the operation: {}", target.workerId(),
                    scrub(e.getMessage(), token));
            return Optional.empty();
        }
    }

    private void pause() {
        try {
            // Pacing the polls of a remote state machine, not synchronising threads.
            Thread.sleep(Math.max(1, settings.pollInterval().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CmlAccessException(CmlAccessException.Kind.UNREACHABLE,
                    "interrupted while waiting for the licence operation to end");
        }
    }

    /** Text from CML or the transport, with the token (if CML echoed it) replaced. */
    static String scrub(String text, RegistrationToken token) {
        if (text == null || token == null) {
            return text;
        }
        return text.replace(token.reveal(), REDACTED);
    }

    private static String waited(java.time.Duration timeout) {
        return timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
    }

    private static String joined(String message, String remark) {
        if (remark == null || remark.isBlank()) {
            return message;
        }
        return message == null ? remark : message + "; " + remark;
    }

    /** One operator action: its commands, and so its events, carry the same correlation id. */
    private static MetaData correlation(String issuedBy) {
        return RefreshCorrelation.metaData(UUID.randomUUID().toString(),
                issuedBy == null || issuedBy.isBlank() ? "unknown" : issuedBy);
    }
}
