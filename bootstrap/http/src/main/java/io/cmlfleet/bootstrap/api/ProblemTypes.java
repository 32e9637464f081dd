package io.cmlfleet.bootstrap.api;

import java.net.URI;

/** The {@code type} URIs of cmlfleet's problem details: stable identifiers clients may switch on. */
public final class ProblemTypes {

    public static final URI INVALID_INPUT = URI.create("urn:cmlfleet:problem:invalid-input");
    public static final URI UNKNOWN_WORKER = URI.create("urn:cmlfleet:problem:unknown-worker");
    public static final URI WORKER_STATE_CONFLICT = URI.create("urn:cmlfleet:problem:worker-state-conflict");
    public static final URI INSTANCE_ALREADY_WATCHED = URI.create("urn:cmlfleet:problem:instance-already-watched");
    public static final URI CONCURRENT_MODIFICATION = URI.create("urn:cmlfleet:problem:concurrent-modification");
    public static final URI UNKNOWN_INSTANCE = URI.create("urn:cmlfleet:problem:unknown-instance");
    public static final URI CLOUD_REJECTED_REQUEST = URI.create("urn:cmlfleet:problem:cloud-rejected-request");
    public static final URI CLOUD_UNAVAILABLE = URI.create("urn:cmlfleet:problem:cloud-unavailable");
    public static final URI CLOUD_FAILURE = URI.create("urn:cmlfleet:problem:cloud-failure");
    public static final URI CML_FAILURE = URI.create("urn:cmlfleet:problem:cml-failure");
    public static final URI CML_REJECTED = URI.create("urn:cmlfleet:problem:cml-rejected");
    public static final URI UNAUTHENTICATED = URI.create("urn:cmlfleet:problem:unauthenticated");
    public static final URI FORBIDDEN = URI.create("urn:cmlfleet:problem:forbidden");
    public static final URI UNKNOWN_DEAD_LETTER_SEQUENCE =
            URI.create("urn:cmlfleet:problem:unknown-dead-letter-sequence");
    // For what Spring MVC and the servlet container refuse before (or without) a controller: HttpStatusProblems.
    public static final URI MALFORMED_REQUEST = URI.create("urn:cmlfleet:problem:malformed-request");
    public static final URI NOT_FOUND = URI.create("urn:cmlfleet:problem:not-found");
    public static final URI METHOD_NOT_ALLOWED = URI.create("urn:cmlfleet:problem:method-not-allowed");
    public static final URI NOT_ACCEPTABLE = URI.create("urn:cmlfleet:problem:not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:cmlfleet:problem:unsupported-media-type");
    public static final URI REQUEST_FAILED = URI.create("urn:cmlfleet:problem:request-failed");
    public static final URI INTERNAL_ERROR = URI.create("urn:cmlfleet:problem:internal-error");

    private ProblemTypes() {
    }
}
