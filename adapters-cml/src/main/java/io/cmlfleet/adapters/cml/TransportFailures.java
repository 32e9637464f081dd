package io.cmlfleet.adapters.cml;

import io.cmlfleet.application.port.cml.CmlAccessException.Kind;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Which failure a transport exception of the JDK HTTP client is, and how to say it without quoting secrets. */
final class TransportFailures {

    /** The failure kind, the reason for the message, and whether the cause is worth keeping as the exception's. */
    record Classified(Kind kind, String reason, boolean keepCause) {
    }

    private TransportFailures() {
    }

    static Classified classify(Throwable cause, CmlClientSettings settings) {
        if (has(cause, CappedBodyHandler.ResponseTooLargeException.class)) {
            return new Classified(Kind.RESPONSE_TOO_LARGE, "response too large: body exceeds the cap of "
                    + settings.maxResponseBytes() + " bytes", false);
        }
        if (has(cause, CappedBodyHandler.BodyInterruptedException.class)) {
            return new Classified(Kind.MALFORMED_RESPONSE,
                    "truncated response: connection lost while reading the body", true);
        }
        if (has(cause, SSLException.class)) {
            return new Classified(Kind.TLS_FAILURE, "TLS failure: " + find(cause, SSLException.class).getMessage(),
                    true);
        }
        if (has(cause, HttpConnectTimeoutException.class)) {
            return new Classified(Kind.TIMEOUT, "timeout: no connection within "
                    + settings.connectTimeout().toMillis() + " ms", true);
        }
        if (has(cause, HttpTimeoutException.class)) {
            return new Classified(Kind.TIMEOUT, "timeout: no response within " + settings.readTimeout().toMillis()
                    + " ms", true);
        }
        if (has(cause, ConnectException.class)) {
            return new Classified(Kind.UNREACHABLE, "unreachable: connection refused", true);
        }
        if (has(cause, UnknownHostException.class) || has(cause, UnresolvedAddressException.class)) {
            return new Classified(Kind.UNREACHABLE, "unreachable: unknown host", true);
        }
        return new Classified(Kind.UNREACHABLE, "unreachable: " + (cause == null ? "no answer"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage())),
                true);
    }

    private static boolean has(Throwable chain, Class<? extends Throwable> type) {
        return find(chain, type) != null;
    }

    private static <T extends Throwable> T find(Throwable chain, Class<T> type) {
        for (Throwable t = chain; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
