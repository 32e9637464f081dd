package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.text.SafeText;
import io.grpc.Status;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * Turns a failed read into the one line an operator needs: which store, and whether it could not be reached or
 * refused the credentials. Only the store's own words (gRPC status descriptions, SQL messages) are quoted, each as
 * one line and without the secret, which the command never has on its command line anyway.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    /** The failure as a {@link StoreUnavailableException}, or {@code null} when it is no store failure. */
    static StoreUnavailableException axonServer(Throwable failure, AxonServerTarget target) {
        Status status = null;
        boolean timedOut = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Status candidate = Status.fromThrowable(t);
            if (candidate.getCode() != Status.Code.UNKNOWN || t instanceof io.grpc.StatusRuntimeException
                    || t instanceof io.grpc.StatusException) {
                status = candidate;
                break;
            }
            timedOut |= t instanceof TimeoutException;
        }
        String store = target.describe();
        if (status == null) {
            return timedOut ? new StoreUnavailableException("cannot reach " + store + ": no answer in time") : null;
        }
        String said = (status.getDescription() == null ? "" : ": " + quote(status.getDescription(), target.token()))
                + (rootCause(status.getCause()) == null ? "" : " (" + quote(rootCause(status.getCause()), target.token()) + ")");
        return switch (status.getCode()) {
            case PERMISSION_DENIED, UNAUTHENTICATED -> new StoreUnavailableException(store
                    + " refused the access token " + (target.token() == null
                    ? "(none given: set $" + AxonServerTarget.TOKEN_VARIABLE + ")"
                    : "from $" + AxonServerTarget.TOKEN_VARIABLE) + said);
            case UNAVAILABLE, DEADLINE_EXCEEDED -> new StoreUnavailableException("cannot reach " + store + said);
            default -> new StoreUnavailableException(store + " answered " + status.getCode() + said);
        };
    }

    /** A database failure as a {@link StoreUnavailableException}, or {@code null} when it is none. */
    static StoreUnavailableException database(Throwable failure, String store) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String message = sql.getMessage() == null ? sql.getClass().getSimpleName() : sql.getMessage();
                return new StoreUnavailableException("cannot read " + store + ": "
                        + quote(message, null));
            }
        }
        return null;
    }

    private static String rootCause(Throwable cause) {
        Throwable root = cause;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        return root == null ? null : root.getMessage();
    }

    /** The first line only (gRPC appends channel internals on later ones), without the secret, escaped. */
    private static String quote(String text, String secret) {
        String first = text.lines().findFirst().orElse("");
        String line = secret == null ? first : first.replace(secret, "***");
        return SafeText.line(line.length() > 300 ? line.substring(0, 300) + "..." : line);
    }
}
