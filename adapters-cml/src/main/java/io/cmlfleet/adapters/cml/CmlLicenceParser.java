package io.cmlfleet.adapters.cml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlLicenceProgress;
import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.LicenceRenewal;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the whole CML 2.9 licensing body (see the shared fixture {@code licensing.json}). Dates come as
 * {@code 2026-08-20 17:25:30}, UTC without a zone; an unreadable date is left out rather than hiding the rest.
 * Unknown fields are ignored, missing ones are null; a body that is not a JSON object is malformed.
 */
final class CmlLicenceParser {

    private static final DateTimeFormatter CML_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObjectMapper mapper = new ObjectMapper();

    LicenceFacts licence(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw malformed("licensing is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("licensing is not a JSON object");
        }
        JsonNode registration = root.path("registration");
        JsonNode authorization = root.path("authorization");
        JsonNode product = root.path("product_license");
        JsonNode enterprise = product.path("is_enterprise");
        return new LicenceFacts(
                text(registration, "status"), instant(text(registration, "expires")),
                renewal(registration.path("renew_time")),
                text(authorization, "status"), instant(text(authorization, "expires")),
                renewal(authorization.path("renew_time")),
                text(product, "active"), enterprise.isBoolean() ? enterprise.booleanValue() : null,
                text(registration, "smart_account"), text(registration, "virtual_account"));
    }

    /** The whole licence and {@code registration.register_time}, the last registration attempt. */
    CmlLicenceProgress progress(byte[] body) {
        LicenceFacts licence = licence(body);
        try {
            return new CmlLicenceProgress(licence, renewal(mapper.readTree(body).path("registration")
                    .path("register_time")));
        } catch (IOException e) {
            throw malformed("licensing is not valid JSON");
        }
    }

    /**
     * CML's status text of a deregistration answer, if its body has one: a JSON string, or an object's
     * {@code description}/{@code status}/{@code message}; null for an empty or unreadable body.
     */
    String statusText(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null) {
                return null;
            }
            if (node.isTextual()) {
                return node.textValue();
            }
            for (String field : new String[]{"description", "status", "message"}) {
                if (node.path(field).isTextual()) {
                    return node.path(field).textValue();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static LicenceRenewal renewal(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return new LicenceRenewal(text(node, "status"), text(node, "failure"), instant(text(node, "attempted")),
                instant(text(node, "scheduled")));
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isTextual() ? node.textValue() : null;
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), CML_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static CmlAccessException malformed(String message) {
        return new CmlAccessException(CmlAccessException.Kind.MALFORMED_RESPONSE, message);
    }
}
