package io.cmlfleet.bootstrap.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report as a problem detail instead of its HTML page, for the requests Tomcat refuses before any
 * servlet sees them (a malformed request line or URL encoding, a NUL in the path): Tomcat renders those through the
 * host's error report valve, which {@link CmlfleetProblemErrorsAutoConfiguration} replaces with this one. The body
 * is fixed per status ({@link HttpStatusProblems}); nothing of the request is echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException unwritable) {
            // The connection is gone or the response committed: nothing more can be said.
        }
    }

    /** By hand: the texts are fixed and hold nothing to escape. */
    static String json(int status) {
        return "{\"type\":\"" + HttpStatusProblems.type(status) + "\",\"title\":\"" + HttpStatusProblems.title(status)
                + "\",\"status\":" + status + ",\"detail\":\"" + HttpStatusProblems.detail(status) + "\"}";
    }
}
