package io.cmlfleet.bootstrap.api;

/** One rejected field of a request, in the {@code errors} property of a 400 problem detail. */
public record RejectedField(String field, String message) {
}
