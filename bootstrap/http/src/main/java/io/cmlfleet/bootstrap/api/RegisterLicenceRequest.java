package io.cmlfleet.bootstrap.api;

import jakarta.validation.constraints.Size;

/**
 * Body of a licence registration: the Smart Licensing registration token (a secret: checked by
 * {@code RegistrationToken}, whose refusals name the field and never the value), whether to replace an existing
 * registration, and why. {@link #toString()} leaves the token out, so the request cannot print it.
 */
public record RegisterLicenceRequest(String token, Boolean reregister, @Size(max = 500) String reason) {

    @Override
    public String toString() {
        return "RegisterLicenceRequest[token=" + (token == null ? null : "[redacted]") + ", reregister=" + reregister
                + ", reason=" + reason + "]";
    }
}
