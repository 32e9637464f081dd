package io.cmlfleet.bootstrap.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}) as a problem detail instead of Spring Boot's JSON map or
 * white-label HTML: what reaches it is an error no cmlfleet handler described (an unknown path: 404; a method the
 * path does not take: 405, its {@code Allow} header already set; a request the security firewall rejected: 400).
 * The body names the status and the original path, never the container's message. Called directly (no error
 * pending), it answers 404 like any other path without a resource.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private final ProblemResponseWriter writer;

    public ProblemErrorController(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @RequestMapping
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 404;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatusCode.valueOf(status), HttpStatusProblems.detail(status));
        problem.setType(HttpStatusProblems.type(status));
        problem.setTitle(HttpStatusProblems.title(status));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(instance(path instanceof String original ? original : request.getRequestURI()));
        writer.write(response, problem);
    }

    private static URI instance(String path) {
        try {
            return new URI(null, null, path, null);
        } catch (URISyntaxException unrepresentable) {
            return null;
        }
    }
}
