package io.cmlfleet.bootstrap.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Optional body of a licence renewal: what to renew ({@code authorization}, the default, or {@code registration})
 * and why.
 */
public record RenewLicenceRequest(
        @Pattern(regexp = "authorization|registration", message = "must be authorization or registration")
        String scope,
        @Size(max = 500) String reason) {
}
