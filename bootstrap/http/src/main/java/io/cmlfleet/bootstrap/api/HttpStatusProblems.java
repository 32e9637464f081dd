package io.cmlfleet.bootstrap.api;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The problem type and title of an error status that no cmlfleet handler described: what Spring MVC refuses before
 * a controller is chosen (405, 406, 415), and what the servlet container refuses (unknown paths, malformed URLs,
 * bad request lines). One function of the status, so the error controller, the container's error report and the
 * problem handler agree.
 */
final class HttpStatusProblems {

    private HttpStatusProblems() {
    }

    static URI type(int status) {
        return switch (status) {
            case 400 -> ProblemTypes.MALFORMED_REQUEST;
            case 401 -> ProblemTypes.UNAUTHENTICATED;
            case 403 -> ProblemTypes.FORBIDDEN;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemTypes.INTERNAL_ERROR : ProblemTypes.REQUEST_FAILED;
        };
    }

    /** The reason phrase ("Not Found"), or a generic title for a status Spring does not know. */
    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : status >= 500 ? "Internal error" : "Request failed";
    }

    /** A fixed text per status: never the container's or an exception's message, which may quote the request. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (request line, URL encoding or headers) and was not processed";
            case 404 -> "There is no resource at this path";
            case 405 -> "This method is not allowed on this path; the Allow header lists the allowed ones";
            case 406 -> "None of the media types in the Accept header can be produced";
            case 415 -> "The Content-Type of the body is not supported here";
            default -> status >= 500 ? "The request failed unexpectedly; the server log has the details"
                    : "The request could not be processed";
        };
    }
}
