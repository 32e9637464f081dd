package io.cmlfleet.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Smart Licensing agent of one simulated CML 2.9 controller: the {@code GET /licensing} body (in the shape of
 * the shared fixture {@code licensing.json}) and the state machine behind the licence operations. A registration
 * goes IN_PROGRESS and settles after {@link #SETTLE_POLLS} reads of the licence: COMPLETED for a good token,
 * NOT_REGISTERED with CML's failure text for a token containing {@code invalid}, and, for a token containing
 * {@code slow}, the CSSM timeout path: IN_PROGRESS for {@link #SLOW_POLLS} reads, then NOT_REGISTERED with
 * "Connection timed out after 60003 milliseconds", as the recorded controller reported it.
 *
 * <p>The token itself is never kept, logged or echoed.
 */
public final class SimulatedLicensing {

    /** Reads of the licence a registration stays IN_PROGRESS. */
    public static final int SETTLE_POLLS = 2;
    /** Reads a registration with a slow token stays IN_PROGRESS before CSSM times out. */
    public static final int SLOW_POLLS = 20;
    public static final String CSSM_TIMEOUT = "Connection timed out after 60003 milliseconds";
    public static final String INVALID_TOKEN = "Invalid registration token: the idToken is invalid or expired";

    private static final DateTimeFormatter CML_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A failure of an operation, answered as CML's {@code {"code", "description"}}. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String description) {
            super(description, null, false, false);
            this.status = status;
        }
    }

    private ObjectNode body;
    private int pollsLeft;
    private String settlesTo;
    private String failure;
    private int deregistrationStatus = 204;

    SimulatedLicensing(ObjectNode initial) {
        this.body = initial;
    }

    /** Serves this body (e.g. a recorded controller's) from now on; operations change it like any other. */
    public synchronized void serve(byte[] licensingBody) {
        try {
            JsonNode parsed = JSON.readTree(licensingBody);
            if (!(parsed instanceof ObjectNode object)) {
                throw new IllegalArgumentException("a licensing body is a JSON object");
            }
            body = object;
            pollsLeft = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How a deregistration is answered: 204 (the default), 202 (deregistered on the controller, Smart Software
     * Licensing not reached) or 200, the last two with a status text as body.
     */
    public synchronized void answerDeregistrationWith(int status) {
        if (status != 200 && status != 202 && status != 204) {
            throw new IllegalArgumentException("CML answers a deregistration with 200, 202 or 204");
        }
        deregistrationStatus = status;
    }

    /** The current {@code registration.status}. */
    public synchronized String registrationStatus() {
        return body.path("registration").path("status").asText(null);
    }

    /** The body of {@code GET /licensing}; a read moves a registration in progress along. */
    synchronized ObjectNode read(Instant now) {
        if (pollsLeft > 0 && --pollsLeft == 0) {
            settle(now);
        }
        return body.deepCopy();
    }

    synchronized void register(String token, boolean reregister, Instant now) throws Refused {
        if (token == null || token.isBlank()) {
            throw new Refused(400, "Bad request: token is required");
        }
        if ("COMPLETED".equals(registrationStatus()) && !reregister) {
            throw new Refused(400, "The product instance is already registered; use reregister to register again");
        }
        String lower = token.toLowerCase(Locale.ROOT);
        ObjectNode registration = registration();
        registration.put("status", "IN_PROGRESS");
        ObjectNode attempt = registration.putObject("register_time");
        attempt.putNull("succeeded");
        attempt.put("attempted", CML_DATE.format(now));
        attempt.putNull("scheduled");
        attempt.putNull("status");
        attempt.putNull("failure");
        attempt.putNull("success");
        if (lower.contains("slow")) {
            pollsLeft = SLOW_POLLS;
            settlesTo = "NOT_REGISTERED";
            failure = CSSM_TIMEOUT;
        } else if (lower.contains("invalid")) {
            pollsLeft = SETTLE_POLLS;
            settlesTo = "NOT_REGISTERED";
            failure = INVALID_TOKEN;
        } else {
            pollsLeft = SETTLE_POLLS;
            settlesTo = "COMPLETED";
            failure = null;
        }
    }

    synchronized void renewAuthorization(Instant now) throws Refused {
        requireRegistered();
        ObjectNode authorization = object(body, "authorization");
        authorization.put("status", "IN_COMPLIANCE");
        authorization.put("expires", CML_DATE.format(now.plusSeconds(90L * 86400)));
        renewed(authorization.putObject("renew_time"), now, now.plusSeconds(30L * 86400));
    }

    synchronized void renewRegistration(Instant now) throws Refused {
        requireRegistered();
        ObjectNode registration = registration();
        registration.put("expires", CML_DATE.format(now.plusSeconds(365L * 86400)));
        renewed(registration.putObject("renew_time"), now, now.plusSeconds(180L * 86400));
    }

    /** Deregisters; answers the status code to send, the body text being {@link #deregistrationText(int)}. */
    synchronized int deregister() throws Refused {
        if ("NOT_REGISTERED".equals(registrationStatus())) {
            throw new Refused(400, "The product instance is not registered");
        }
        ObjectNode registration = registration();
        registration.put("status", "NOT_REGISTERED");
        registration.putNull("expires");
        registration.remove("smart_account");
        registration.remove("virtual_account");
        ObjectNode authorization = object(body, "authorization");
        authorization.put("status", "EVAL");
        authorization.putNull("expires");
        pollsLeft = 0;
        return deregistrationStatus;
    }

    static String deregistrationText(int status) {
        return status == 202
                ? "Deregistered on the product instance; Smart Software Licensing could not be reached"
                : "The product instance was deregistered from Smart Software Licensing";
    }

    private void settle(Instant now) {
        ObjectNode registration = registration();
        registration.put("status", settlesTo);
        ObjectNode attempt = object(registration, "register_time");
        if (failure == null) {
            registration.put("smart_account", "Simulated Smart Account");
            registration.put("virtual_account", "Simulated Virtual Account");
            registration.put("expires", CML_DATE.format(now.plusSeconds(365L * 86400)));
            attempt.put("succeeded", CML_DATE.format(now));
            attempt.put("failure", "OK");
            attempt.put("success", "SUCCESS");
            ObjectNode authorization = object(body, "authorization");
            authorization.put("status", "IN_COMPLIANCE");
            authorization.put("expires", CML_DATE.format(now.plusSeconds(90L * 86400)));
            renewed(authorization.putObject("renew_time"), now, now.plusSeconds(30L * 86400));
            object(body, "product_license").put("active", "CML_Enterprise").put("is_enterprise", true);
        } else {
            attempt.put("status", "FAILED");
            attempt.put("failure", failure);
            attempt.put("success", "FAILED");
        }
    }

    private void requireRegistered() throws Refused {
        if (!"COMPLETED".equals(registrationStatus())) {
            throw new Refused(400, "The product instance is not registered");
        }
    }

    /** A {@code renew_time} block of a successful renewal, in CML 2.9's shape. */
    static void renewed(ObjectNode block, Instant attempted, Instant scheduled) {
        block.putNull("succeeded");
        block.put("attempted", CML_DATE.format(attempted));
        block.put("scheduled", CML_DATE.format(scheduled));
        block.put("status", "SUCCEEDED");
        block.putNull("failure");
        block.put("success", "SUCCESS");
    }

    /** A date as CML 2.9 writes it: UTC without a zone. */
    static String date(Instant instant) {
        return CML_DATE.format(instant);
    }

    private ObjectNode registration() {
        return object(body, "registration");
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode existing ? existing : parent.putObject(field);
    }
}
