package io.cmlfleet.bootstrap.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.cmlfleet.application.claim.InstanceAlreadyWatchedException;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.forensics.WorkerHistoryNotFoundException;
import io.cmlfleet.domain.worker.InvalidWorkerInputException;
import io.cmlfleet.domain.worker.WorkerStateConflictException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of the cmlfleet API as an RFC 7807 problem detail ({@code application/problem+json}): 400 naming the
 * rejected field(s) in {@code errors} (and {@code field} when there is one), 404 for unknown workers, 409 for state
 * conflicts, 422/502/503 for EC2 and CloudWatch by failure kind. Bodies carry the domain's messages, which are
 * written to be shown (they name fields and values, never credentials); unexpected exceptions get a generic text and
 * are logged instead. Axon wraps handler exceptions ({@link CommandExecutionException}, and the query gateway's
 * futures {@link CompletionException}), so causes are unwrapped first.
 */
@RestControllerAdvice(basePackageClasses = ApiProblemHandler.class)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> handleApplicationFailure(Exception failure, HttpServletRequest request) {
        Throwable cause = unwrap(failure);
        ProblemDetail problem = problemFor(cause);
        problem.setInstance(URI.create(request.getRequestURI()));
        HttpHeaders headers = new HttpHeaders();
        if (cause instanceof CloudAccessException cloud && cloud.kind() == CloudAccessException.Kind.THROTTLED) {
            headers.set(HttpHeaders.RETRY_AFTER, "30");
        }
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private ProblemDetail problemFor(Throwable cause) {
        if (cause instanceof InvalidWorkerInputException invalid) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid request",
                    invalid.getMessage());
            problem.setProperty("field", invalid.field());
            problem.setProperty("errors", List.of(new RejectedField(invalid.field(), invalid.getMessage())));
            return problem;
        }
        if (cause instanceof UnknownWorkerException unknown) {
            return problem(HttpStatus.NOT_FOUND, ProblemTypes.UNKNOWN_WORKER, "Unknown worker", unknown.getMessage());
        }
        if (cause instanceof WorkerHistoryNotFoundException noHistory) {
            return problem(HttpStatus.NOT_FOUND, ProblemTypes.UNKNOWN_WORKER, "Unknown worker", noHistory.getMessage());
        }
        if (cause instanceof IllegalArgumentException badArgument && !(cause instanceof InvalidWorkerInputException)) {
            return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid request",
                    badArgument.getMessage());
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return problem(HttpStatus.NOT_FOUND, ProblemTypes.UNKNOWN_WORKER, "Unknown worker",
                    "No worker with id " + notFound.getAggregateIdentifier());
        }
        if (cause instanceof WorkerStateConflictException conflict) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.WORKER_STATE_CONFLICT,
                    "Worker state conflict", conflict.getMessage());
            problem.setProperty("workerId", conflict.workerId());
            return problem;
        }
        if (cause instanceof WorkerAlreadyExistsException exists) {
            return problem(HttpStatus.CONFLICT, ProblemTypes.WORKER_STATE_CONFLICT, "Worker already exists",
                    exists.getMessage());
        }
        Optional<InstanceAlreadyWatchedException> claimed = InstanceAlreadyWatchedException.in(cause);
        if (claimed.isPresent()) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.INSTANCE_ALREADY_WATCHED,
                    "Instance already watched", claimed.get().getMessage());
            problem.setProperty("workerId", claimed.get().watchedBy());
            problem.setProperty("instanceId", claimed.get().instanceId());
            problem.setProperty("region", claimed.get().region());
            return problem;
        }
        if (cause instanceof AggregateStreamCreationException || isDuplicateKey(cause)) {
            return problem(HttpStatus.CONFLICT, ProblemTypes.WORKER_STATE_CONFLICT, "Worker already exists",
                    "A worker with this id already exists");
        }
        if (cause instanceof ConcurrencyException) {
            return problem(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION, "Concurrent modification",
                    "The worker was changed concurrently; retry the request");
        }
        if (cause instanceof CloudAccessException cloud) {
            return cloudProblem(cloud);
        }
        if (cause instanceof CmlAccessException cml) {
            boolean rejected = cml.kind() == CmlAccessException.Kind.REJECTED;
            ProblemDetail problem = rejected
                    ? problem(HttpStatus.CONFLICT, ProblemTypes.CML_REJECTED, "CML refused the operation",
                            cml.getMessage())
                    : problem(HttpStatus.BAD_GATEWAY, ProblemTypes.CML_FAILURE, "CML controller call failed",
                            cml.getMessage());
            problem.setProperty("kind", cml.kind().name());
            return problem;
        }
        LOG.error("Unexpected failure of a cmlfleet API request", cause);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
                "The request failed unexpectedly; the server log has the details");
    }

    private static ProblemDetail cloudProblem(CloudAccessException cloud) {
        ProblemDetail problem = switch (cloud.kind()) {
            case UNKNOWN_INSTANCE -> {
                ProblemDetail unknown = problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNKNOWN_INSTANCE,
                        "Unknown EC2 instance", cloud.getMessage());
                unknown.setProperty("field", "instanceId");
                yield unknown;
            }
            case INVALID_REQUEST -> problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.CLOUD_REJECTED_REQUEST,
                    "AWS rejected the request", cloud.getMessage());
            case THROTTLED, UNREACHABLE -> problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.CLOUD_UNAVAILABLE,
                    "AWS unavailable", cloud.getMessage());
            case ACCESS_DENIED, FAILED -> problem(HttpStatus.BAD_GATEWAY, ProblemTypes.CLOUD_FAILURE,
                    "AWS call failed", cloud.getMessage());
        };
        problem.setProperty("kind", cloud.kind().name());
        problem.setProperty("operation", cloud.operation());
        problem.setProperty("region", cloud.region());
        return problem;
    }

    // --- Spring MVC's own 400s, with the rejected fields named --------------------------------------------------

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return invalid(rejectedFields(ex.getBindingResult()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<RejectedField> rejected = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                rejected.addAll(rejectedFields(errors));
            } else {
                String name = parameterName(result.getMethodParameter());
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    rejected.add(new RejectedField(name, error.getDefaultMessage()));
                }
            }
        }
        return invalid(rejected, request);
    }

    /**
     * A body that is not one well-formed JSON document of the right shape: 400 naming the field whose JSON type is
     * wrong (a number where a string id belongs), or {@code request} for malformed JSON and trailing data. Jackson's
     * own text is not echoed: it quotes the body.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String expected = mismatch.getTargetType() == null ? "another JSON type" : describe(mismatch.getTargetType());
            return invalid(List.of(new RejectedField(jsonPath(mismatch), "must be " + expected)), request);
        }
        String message = cause instanceof JsonProcessingException
                ? "must be one well-formed JSON document with nothing after it"
                : "must be a JSON body";
        return invalid(List.of(new RejectedField("request", message)), request);
    }

    private static String jsonPath(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "request" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "another type" : describe(ex.getRequiredType());
        return invalid(List.of(new RejectedField(field, "must be " + expected)), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return invalid(List.of(new RejectedField(ex.getParameterName(), "is required")), request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        // Spring's own problems (unreadable JSON, unsupported method...) get an instance too, like ours.
        if (body instanceof ProblemDetail problem && problem.getInstance() == null
                && request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        // ... and a cmlfleet type instead of about:blank (405, 406, 415, ...).
        if (body instanceof ProblemDetail problem && ProblemDetail.forStatus(statusCode).getType()
                .equals(problem.getType())) {
            problem.setType(HttpStatusProblems.type(statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(List<RejectedField> rejected, WebRequest request) {
        String detail = rejected.stream().map(r -> r.field() + " " + r.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid request",
                "Invalid " + detail);
        if (rejected.size() == 1) {
            problem.setProperty("field", rejected.get(0).field());
        }
        problem.setProperty("errors", rejected);
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static List<RejectedField> rejectedFields(org.springframework.validation.Errors errors) {
        List<RejectedField> rejected = new ArrayList<>();
        errors.getFieldErrors().forEach(error -> rejected.add(
                new RejectedField(error.getField(), error.getDefaultMessage())));
        errors.getGlobalErrors().forEach(error -> rejected.add(
                new RejectedField(error.getObjectName(), error.getDefaultMessage())));
        return rejected;
    }

    private static List<RejectedField> rejectedFields(BindingResult result) {
        return rejectedFields((org.springframework.validation.Errors) result);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "request" : name;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a JSON string";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-01-31T12:00:00Z";
        }
        return "a valid " + type.getSimpleName();
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /**
     * A unique-key violation in the event store (SQLState 23505 on H2 and PostgreSQL): a second worker with an
     * existing id. Axon reports it as a plain EventStoreException when its exception resolver does not recognise it.
     */
    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < 10 && current.getCause() != null; depth++) {
            if (current instanceof CommandExecutionException || current instanceof QueryExecutionException
                    || current instanceof CompletionException || current instanceof ExecutionException) {
                current = current.getCause();
            } else {
                break;
            }
        }
        return current;
    }
}
