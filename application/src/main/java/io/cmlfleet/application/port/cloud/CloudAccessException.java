package io.cmlfleet.application.port.cloud;

import java.util.Objects;

/**
 * The one failure type the cloud ports throw. It carries what a caller needs to decide what to do next
 * (the {@link Kind}), where it happened (region and operation) and a message that is safe to show or log.
 *
 * <p>It deliberately carries no cause: provider exceptions can hold request signatures and headers, and
 * callers should never need them. Adapters log provider detail themselves, without credentials.
 */
public final class CloudAccessException extends RuntimeException {

    /** What went wrong, in terms a caller can act on. */
    public enum Kind {
        /** The instance id does not exist in that region (or is malformed). Retrying will not help. */
        UNKNOWN_INSTANCE,
        /** The credentials are missing, invalid or lack the permission for this operation. */
        ACCESS_DENIED,
        /** The provider kept throttling after the adapter's own retries; back off before the next cycle. */
        THROTTLED,
        /** The endpoint could not be reached or did not answer in time. */
        UNREACHABLE,
        /** The provider rejected the request's parameters. */
        INVALID_REQUEST,
        /** Any other failure. */
        FAILED
    }

    private final Kind kind;
    private final String region;
    private final String operation;
    private final String providerErrorCode;

    public CloudAccessException(Kind kind, String region, String operation, String message) {
        this(kind, region, operation, null, message);
    }

    public CloudAccessException(Kind kind, String region, String operation, String providerErrorCode, String message) {
        // No cause and no writable stack trace of foreign frames: the message is the whole story for callers.
        super(message, null, false, true);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.region = region;
        this.operation = operation;
        this.providerErrorCode = providerErrorCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The region the call was made against; may be null when it could not be resolved. */
    public String region() {
        return region;
    }

    /** The provider operation, e.g. {@code DescribeInstances}. */
    public String operation() {
        return operation;
    }

    /** The provider's error code (e.g. {@code RequestLimitExceeded}), or null for client-side failures. */
    public String providerErrorCode() {
        return providerErrorCode;
    }
}
