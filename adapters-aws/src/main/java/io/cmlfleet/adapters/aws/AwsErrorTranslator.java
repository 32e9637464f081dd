package io.cmlfleet.adapters.aws;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.CloudAccessException.Kind;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Maps SDK failures onto {@link CloudAccessException}. The SDK has already retried by the time anything arrives
 * here, so a throttling error means the retries were exhausted.
 *
 * <p>Messages are built from the AWS error code and message only; SDK exceptions never contain secret keys, but
 * the caller-facing message still avoids stack traces and raw HTTP detail.
 */
final class AwsErrorTranslator {

    private static final Logger log = LoggerFactory.getLogger(AwsErrorTranslator.class);
    private static final int MAX_MESSAGE_LENGTH = 400;

    private static final Set<String> UNKNOWN_INSTANCE_CODES =
            Set.of("InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed");
    private static final Set<String> ACCESS_DENIED_CODES = Set.of(
            "UnauthorizedOperation", "AuthFailure", "InvalidClientTokenId", "SignatureDoesNotMatch",
            "ExpiredToken", "ExpiredTokenException", "MissingAuthenticationToken", "OptInRequired");
    private static final Set<String> THROTTLING_CODES = Set.of(
            "RequestLimitExceeded", "Throttling", "ThrottlingException", "ThrottledException",
            "TooManyRequestsException", "RequestThrottled", "RequestThrottledException", "SlowDown");
    private static final Set<String> INVALID_REQUEST_CODES = Set.of(
            "MissingParameter", "ValidationError", "ValidationException", "UnknownParameter",
            "InvalidParameterValue", "InvalidParameterCombination", "InvalidParameter", "InvalidAction",
            "UnsupportedOperation", "DryRunOperation", "FilterLimitExceeded",
            // The instance's state does not allow the action (stopping one that is shutting down): the caller's
            // request conflicts with the instance, AWS did not fail (found by HttpApiFuzzTest, answered 502 before).
            "IncorrectInstanceState", "IncorrectState");

    private AwsErrorTranslator() {
    }

    static CloudAccessException translate(Throwable failure, String region, String operation) {
        Throwable error = unwrap(failure);
        if (error instanceof CloudAccessException alreadyTranslated) {
            return alreadyTranslated;
        }
        CloudAccessException translated;
        if (error instanceof AwsServiceException serviceError) {
            translated = fromService(serviceError, region, operation);
        } else if (error instanceof SdkServiceException serviceError) {
            translated = fromStatus(serviceError.statusCode(), serviceError.isThrottlingException(), null,
                    firstLine(serviceError.getMessage()), region, operation);
        } else if (error instanceof SdkClientException clientError) {
            translated = fromClient(clientError, region, operation);
        } else {
            translated = new CloudAccessException(Kind.FAILED, region, operation,
                    operation + " in " + region + " failed: " + error.getClass().getSimpleName());
        }
        log.warn("AWS {} in {} failed: kind={} code={} message={}", operation, region, translated.kind(),
                translated.providerErrorCode(), translated.getMessage());
        // SDK exceptions carry request ids and HTTP detail but never credentials; useful when debugging.
        log.debug("AWS {} in {} failure detail", operation, region, error);
        return translated;
    }

    private static CloudAccessException fromService(AwsServiceException e, String region, String operation) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String awsMessage = details == null ? null : details.errorMessage();
        Kind kind = kindOf(code);
        if (kind == null) {
            return fromStatus(e.statusCode(), e.isThrottlingException(), code, awsMessage, region, operation);
        }
        return new CloudAccessException(kind, region, operation, code, message(kind, region, operation, code, awsMessage));
    }

    static Kind kindOf(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (UNKNOWN_INSTANCE_CODES.contains(code)) {
            return Kind.UNKNOWN_INSTANCE;
        }
        if (ACCESS_DENIED_CODES.contains(code) || code.startsWith("AccessDenied")) {
            return Kind.ACCESS_DENIED;
        }
        if (THROTTLING_CODES.contains(code)) {
            return Kind.THROTTLED;
        }
        if (INVALID_REQUEST_CODES.contains(code) || code.startsWith("Invalid") || code.startsWith("Missing")) {
            return Kind.INVALID_REQUEST;
        }
        return null;
    }

    private static CloudAccessException fromStatus(int status, boolean throttling, String code, String awsMessage,
                                                   String region, String operation) {
        Kind kind;
        if (throttling || status == 429) {
            kind = Kind.THROTTLED;
        } else if (status == 401 || status == 403) {
            kind = Kind.ACCESS_DENIED;
        } else {
            kind = Kind.FAILED;
        }
        return new CloudAccessException(kind, region, operation, code, message(kind, region, operation, code, awsMessage));
    }

    private static CloudAccessException fromClient(SdkClientException e, String region, String operation) {
        String detail = firstLine(e.getMessage());
        // Credential resolution failures are client-side too, but they are an access problem, not a network one.
        if (detail != null && detail.startsWith("Unable to load credentials")) {
            return new CloudAccessException(Kind.ACCESS_DENIED, region, operation, null,
                    operation + " in " + region + ": no AWS credentials could be resolved");
        }
        return new CloudAccessException(Kind.UNREACHABLE, region, operation, null,
                message(Kind.UNREACHABLE, region, operation, null, detail));
    }

    private static String message(Kind kind, String region, String operation, String code, String detail) {
        String what = switch (kind) {
            case UNKNOWN_INSTANCE -> "instance not found";
            case ACCESS_DENIED -> "access denied";
            case THROTTLED -> "throttled by AWS after retries";
            case UNREACHABLE -> "AWS endpoint unreachable";
            case INVALID_REQUEST -> "request rejected as invalid";
            case FAILED -> "call failed";
        };
        StringBuilder message = new StringBuilder(operation).append(" in ").append(region).append(": ").append(what);
        if (code != null) {
            message.append(" (").append(code).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            message.append(": ").append(detail);
        }
        return truncate(message.toString());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
}
