package io.cmlfleet.adapters.cml;

import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlAccessException.Kind;
import io.cmlfleet.application.port.cml.CmlControllerClient;
import io.cmlfleet.application.port.cml.CmlCredentials;
import io.cmlfleet.application.port.cml.CmlCredentialsProvider;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlLabs;
import io.cmlfleet.application.port.cml.CmlLicensing;
import io.cmlfleet.application.port.cml.CmlSystemInformation;
import io.cmlfleet.application.port.cml.CmlSystemStats;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.ControllerReadiness;
import io.cmlfleet.domain.worker.ControllerReadinessRule;
import io.cmlfleet.domain.worker.LaunchQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link CmlControllerClient} over the CML REST API ({@code /api/v0}) with the JDK HTTP client.
 *
 * <p>Secrets: the password only travels in the login body, the token only in the Authorization
 * header. Neither is logged nor put into an exception message; error messages name the worker, the
 * method and the URL (without any user-info part) instead.
 */
public final class HttpCmlControllerClient implements CmlControllerClient {

    private static final Logger log = LoggerFactory.getLogger(HttpCmlControllerClient.class);
    private static final String API = "/api/v0";

    private final CmlClientSettings settings;
    private final CmlCredentialsProvider credentialsProvider;
    private final Clock clock;
    private final CmlResponseParser parser = new CmlResponseParser();
    private final HttpClient fleetHttp;
    private final Map<String, HttpClient> httpByWorker;
    private final ConcurrentMap<String, ControllerSession> sessions = new ConcurrentHashMap<>();

    public HttpCmlControllerClient(CmlClientSettings settings, CmlCredentialsProvider credentialsProvider) {
        this(settings, credentialsProvider, Clock.systemUTC());
    }

    /**
     * @throws IllegalArgumentException when a configured CA bundle is not readable PEM: a wrong trust
     *                                  setting must stop start-up rather than fail every health check
     */
    HttpCmlControllerClient(CmlClientSettings settings, CmlCredentialsProvider credentialsProvider, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!settings.verifyTls()) {
            log.warn("TLS verification is OFF for CML controllers: any certificate and host name will be accepted,"
                    + " so credentials can be intercepted. Configure a CA bundle instead outside of labs.");
            this.fleetHttp = newHttpClient(CmlTlsContexts.trustingEverything());
            this.httpByWorker = Map.of();
        } else {
            this.fleetHttp = newHttpClient(settings.caBundlePem() == null
                    ? CmlTlsContexts.jdkDefault()
                    : CmlTlsContexts.trusting(settings.caBundlePem(), "the fleet"));
            Map<String, HttpClient> perWorker = new LinkedHashMap<>();
            settings.perWorkerCaBundles().forEach((workerId, pem) ->
                    perWorker.put(workerId, newHttpClient(CmlTlsContexts.trusting(pem, "worker " + workerId))));
            this.httpByWorker = Map.copyOf(perWorker);
        }
    }

    @Override
    public CmlSystemInformation systemInformation(CmlTarget target) {
        Call call = new Call(target, "GET", "/system_information");
        return call.parse(parser::systemInformation, call.checked(send(call, null, null)));
    }

    @Override
    public CmlHealthReport evaluateHealth(CmlTarget target) {
        long started = System.nanoTime();
        CmlSystemInformation information = null;
        try {
            information = systemInformation(target);
            if (!information.ready()) {
                return report(true, false, null, null, "not ready: controller reports ready=false", started, null,
                        information);
            }
            Call call = new Call(target, "GET", "/system_health");
            CmlResponseParser.HealthBody health = call.parse(parser::health, authenticated(call));
            ControllerReadiness readiness = new ControllerReadiness(health.readiness().computes(),
                    health.readiness().controllerChecks(), launchQueue(target));
            return report(true, health.valid(), health.licensed(), health.enterprise(), health.invalidReason(),
                    started, readiness, information);
        } catch (CmlAccessException e) {
            return report(answered(e.kind()), false, null, null, e.getMessage(), started, null, information);
        } catch (RuntimeException e) {
            // The port promises a report, never an exception; keep the class only, the message is unknown ground.
            log.error("Unexpected failure evaluating CML health of worker {}: {}", target.workerId(), e.getClass().getName());
            return report(true, false, null, null, "unexpected failure: " + e.getClass().getSimpleName(), started,
                    null, information);
        }
    }

    @Override
    public CmlSystemStats systemStats(CmlTarget target) {
        Call call = new Call(target, "GET", "/system_stats");
        return call.parse(parser::systemStats, authenticated(call));
    }

    @Override
    public CmlLicensing licensing(CmlTarget target) {
        Call call = new Call(target, "GET", "/licensing");
        return call.parse(parser::licensing, authenticated(call));
    }

    @Override
    public CmlLabs labs(CmlTarget target, boolean includeStates) {
        // show_all=true lists every user's labs for an admin; other users get their own labs.
        Call list = new Call(target, "GET", "/labs?show_all=true");
        List<String> ids = list.parse(parser::labIds, authenticated(list));
        Map<String, String> states = new LinkedHashMap<>();
        if (includeStates) {
            for (String id : ids) {
                Call state = new Call(target, "GET", "/labs/" + id + "/state");
                states.put(id, state.parse(parser::labState, authenticated(state)));
            }
        }
        return new CmlLabs(ids.size(), ids, states);
    }

    /**
     * One authenticated operation for {@link HttpCmlLabOperations}: the body of its 2xx answer. Unlike the reads, a
     * 4xx other than 401/403/429 is CML refusing the operation: {@link Kind#REJECTED} with CML's description.
     */
    byte[] operation(CmlTarget target, String method, String path, byte[] body, String contentType, String accept) {
        return authenticated(new Call(target, method, path, body, contentType, accept)).body;
    }

    /** {@link #operation} for callers that tell the 2xx codes apart (a deregistration's 202 from its 204). */
    OperationAnswer operationAnswer(CmlTarget target, String method, String path, byte[] body, String contentType,
                                    String accept) {
        Exchange exchange = authenticated(new Call(target, method, path, body, contentType, accept));
        return new OperationAnswer(exchange.status, exchange.body);
    }

    /** The status and body of an operation's 2xx answer. */
    record OperationAnswer(int status, byte[] body) {
    }

    /** Whether a failure of this kind still proves that a CML controller answered. */
    private static boolean answered(Kind kind) {
        return switch (kind) {
            case UNREACHABLE, TLS_FAILURE, TIMEOUT, SERVER_ERROR -> false;
            case BAD_CREDENTIALS, UNAUTHORIZED, RATE_LIMITED, MALFORMED_RESPONSE, RESPONSE_TOO_LARGE, REJECTED -> true;
        };
    }

    /**
     * The node launch queue, which only an administrator may read ({@code GET /diagnostics/node_launch_queue}). Any
     * failure (403 for other users, 404 before CML had it, a broken body) leaves it unknown: the queue refines the
     * verdict, it must not fail a health check that {@code system_health} already answered.
     */
    private LaunchQueue launchQueue(CmlTarget target) {
        try {
            Call call = new Call(target, "GET", "/diagnostics/node_launch_queue");
            return call.parse(body -> parser.launchQueue(body, clock.instant()), authenticated(call));
        } catch (CmlAccessException e) {
            log.debug("CML node launch queue of worker {} not read: {}", target.workerId(), e.getMessage());
            return null;
        }
    }

    /** The status by the aggregate's own rule, so logs and the refresh's stage detail give the same reason it records. */
    private static CmlHealthReport report(boolean reachable, boolean valid, Boolean licensed, Boolean enterprise,
                                          String error, long startedNanos, ControllerReadiness readiness,
                                          CmlSystemInformation information) {
        Duration latency = Duration.ofNanos(System.nanoTime() - startedNanos);
        List<String> blockers = reachable ? ControllerReadinessRule.blockers(readiness) : List.of();
        return new CmlHealthReport(CmlServiceStatus.fromHealthCheck(reachable, valid, blockers), reachable, valid,
                licensed, enterprise, blockers.isEmpty() ? error : ControllerReadinessRule.summary(blockers), latency,
                readiness, information);
    }

    /** Sends with the cached token; on 401 logs in once more and retries once. */
    private Exchange authenticated(Call call) {
        ControllerSession session = session(call.target);
        String token = session.tokenOrLogin(() -> login(call.target));
        Exchange exchange = send(call, token, null);
        if (exchange.status == 401) {
            log.info("CML controller of worker {} refused the token on {} {}; logging in again",
                    call.target.workerId(), call.method, call.path);
            session.forget(token);
            token = session.tokenOrLogin(() -> login(call.target));
            exchange = send(call, token, null);
            if (exchange.status == 401) {
                throw call.failure(Kind.UNAUTHORIZED, "unauthorized: token refused again right after a fresh login"
                        + call.describe(exchange), null);
            }
        }
        return call.checked(exchange);
    }

    private String login(CmlTarget target) {
        CmlCredentials credentials;
        try {
            credentials = credentialsProvider.credentialsFor(target);
        } catch (CmlAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            // A secret store's exception text is not ours to vouch for; report the class only.
            throw new CmlAccessException(Kind.BAD_CREDENTIALS, "credentials provider failed for worker "
                    + target.workerId() + ": " + e.getClass().getSimpleName());
        }
        if (credentials == null) {
            throw new CmlAccessException(Kind.BAD_CREDENTIALS, "no CML credentials for worker " + target.workerId());
        }
        Call call = new Call(target, "POST", "/authenticate");
        Exchange exchange = send(call, null, parser.loginBody(credentials.username(), credentials.password()));
        if (exchange.status == 401 || exchange.status == 403) {
            // The body is not quoted: some servers echo parts of the request.
            throw call.failure(Kind.BAD_CREDENTIALS, "bad credentials: controller rejected the login of user '"
                    + credentials.username() + "' (HTTP " + exchange.status + ")", null);
        }
        String token = call.parse(parser::token, call.checked(exchange));
        log.info("Logged in to CML controller of worker {} as '{}'", target.workerId(), credentials.username());
        return token;
    }

    private ControllerSession session(CmlTarget target) {
        return sessions.computeIfAbsent(target.workerId() + " " + baseUri(target.endpoint()),
                key -> new ControllerSession());
    }

    private Exchange send(Call call, String bearerToken, byte[] jsonBody) {
        Instant notBefore = session(call.target).notBefore();
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            Duration wait = Duration.between(now, notBefore);
            throw call.failure(Kind.RATE_LIMITED, "rate limited: backing off for another "
                    + Math.max(1, wait.toSeconds()) + " s after HTTP 429", wait, null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri)
                .timeout(settings.readTimeout())
                .header("Accept", call.accept)
                .header("User-Agent", "cmlfleet");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        byte[] body = jsonBody != null ? jsonBody : call.body;
        if (body != null) {
            request.header("Content-Type", jsonBody != null ? "application/json" : call.contentType)
                    .method(call.method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(call.method, HttpRequest.BodyPublishers.noBody());
        }
        HttpClient http = httpByWorker.getOrDefault(call.target.workerId(), fleetHttp);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request.build(), new CappedBodyHandler(settings.maxResponseBytes()));
        try {
            // The request timeout covers waiting for the headers; this deadline also bounds a body that trickles.
            HttpResponse<byte[]> response = pending.get(
                    settings.connectTimeout().plus(settings.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            log.debug("CML {} {} of worker {} -> HTTP {} in {} ms", call.method, call.path, call.target.workerId(),
                    response.statusCode(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new Exchange(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw call.failure(Kind.TIMEOUT, "timeout: no complete response within "
                    + settings.connectTimeout().plus(settings.readTimeout()).toMillis() + " ms", e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw call.failure(Kind.UNREACHABLE, "interrupted while waiting for the controller", e);
        } catch (ExecutionException e) {
            throw call.transportFailure(e.getCause());
        }
    }

    private HttpClient newHttpClient(SSLContext sslContext) {
        return CmlHttpClients.create(sslContext, settings.connectTimeout());
    }

    /**
     * Scheme, host and port only: user-info in a configured endpoint must neither be sent nor printed. An https
     * endpoint without a port gets {@link CmlClientSettings#defaultPort()} (left implicit when it is 443).
     */
    private String baseUri(URI endpoint) {
        String path = endpoint.getPath() == null ? "" : endpoint.getPath().replaceAll("/+$", "");
        int port = endpoint.getPort();
        if (port == -1 && "https".equalsIgnoreCase(endpoint.getScheme())
                && settings.defaultPort() != CmlClientSettings.DEFAULT_HTTPS_PORT) {
            port = settings.defaultPort();
        }
        return endpoint.getScheme() + "://" + endpoint.getHost() + (port == -1 ? "" : ":" + port) + path;
    }

    private record Exchange(int status, HttpHeaders headers, byte[] body) {
    }

    /** One request to one controller, and how to describe it in a message. */
    private final class Call {
        final CmlTarget target;
        final String method;
        final String path;
        final URI uri;
        /** Set for operations only: their body, its type, what they accept; and that 4xx means REJECTED. */
        final byte[] body;
        final String contentType;
        final String accept;
        final boolean operation;

        Call(CmlTarget target, String method, String path) {
            this(target, method, path, null, null, null);
        }

        Call(CmlTarget target, String method, String path, byte[] body, String contentType, String accept) {
            this.target = target;
            this.method = method;
            this.path = path;
            this.uri = URI.create(baseUri(target.endpoint()) + API + path);
            this.body = body;
            this.contentType = contentType;
            this.operation = accept != null; // only operation() names what it accepts
            this.accept = operation ? accept : "application/json";
        }

        /** 2xx passes; everything else becomes the matching failure. */
        Exchange checked(Exchange exchange) {
            int status = exchange.status;
            if (status >= 200 && status < 300) {
                return exchange;
            }
            if (status == 429) {
                Duration wait = RetryAfterHeader.parse(exchange.headers.firstValue("Retry-After").orElse(null), clock)
                        .orElse(null);
                Duration backoff = wait != null ? wait : settings.rateLimitBackoff();
                session(target).backOffUntil(clock.instant().plus(backoff));
                log.warn("CML controller of worker {} answered 429 to {} {}; leaving it alone for {} s",
                        target.workerId(), method, path, backoff.toSeconds());
                throw failure(Kind.RATE_LIMITED, "rate limited: HTTP 429"
                        + (wait != null ? ", retry after " + wait.toSeconds() + " s" : ""), wait, null);
            }
            if (status == 401 || status == 403) {
                throw failure(Kind.UNAUTHORIZED, "unauthorized" + describe(exchange), null);
            }
            if (status >= 500) {
                throw failure(Kind.SERVER_ERROR, "server error" + describe(exchange), null);
            }
            if (operation) {
                throw failure(Kind.REJECTED, "rejected by CML" + describe(exchange), null);
            }
            throw failure(Kind.SERVER_ERROR, "unexpected status" + describe(exchange), null);
        }

        <T> T parse(java.util.function.Function<byte[], T> reader, Exchange exchange) {
            try {
                return reader.apply(exchange.body);
            } catch (CmlAccessException e) {
                throw failure(e.kind(), e.getMessage(), e.retryAfter().orElse(null), null);
            }
        }

        String describe(Exchange exchange) {
            return ": HTTP " + exchange.status + parser.errorDescription(exchange.body).map(d -> " " + d).orElse("");
        }

        CmlAccessException transportFailure(Throwable cause) {
            TransportFailures.Classified classified = TransportFailures.classify(cause, settings);
            return failure(classified.kind(), classified.reason(), classified.keepCause() ? cause : null);
        }

        CmlAccessException failure(Kind kind, String reason, Throwable cause) {
            return failure(kind, reason, null, cause);
        }

        CmlAccessException failure(Kind kind, String reason, Duration retryAfter, Throwable cause) {
            String where = " (worker " + target.workerId() + ", " + method + " " + uri + ")";
            return new CmlAccessException(kind, reason + where, retryAfter, cause);
        }
    }
}
