package io.cmlfleet.adapters.cml;

import static io.cmlfleet.adapters.cml.HttpCmlLabOperations.parsed;

import io.cmlfleet.application.port.cml.CmlIdleStopOperations;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.UserActivity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link CmlIdleStopOperations} over the CML REST API, through the session, TLS trust, timeouts and body cap of an
 * {@link HttpCmlControllerClient}. The telemetry body is capped like every other answer: a controller with a long
 * event log answers {@code RESPONSE_TOO_LARGE} rather than filling the heap.
 */
public final class HttpCmlIdleStopOperations implements CmlIdleStopOperations {

    private static final String JSON = "application/json";

    private final HttpCmlControllerClient client;
    private final CmlIdleParser parser = new CmlIdleParser();

    public HttpCmlIdleStopOperations(HttpCmlControllerClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Optional<UserActivity> lastUserActivity(CmlTarget target, Set<String> categories,
                                                   Set<String> excludedUsers, Instant after) {
        byte[] body = client.operation(target, "GET", "/telemetry/events", null, null, JSON);
        return parsed(() -> parser.lastUserActivity(body, categories, excludedUsers, after), target,
                "/telemetry/events");
    }

    @Override
    public void announceIdleStop(CmlTarget target, String content) {
        byte[] created = client.operation(target, "POST", "/system/notices",
                parser.noticeBody(NOTICE_LABEL, content), JSON, JSON);
        String noticeId = parsed(() -> parser.noticeId(created), target, "/system/notices");
        client.operation(target, "PATCH", "/system/maintenance_mode", parser.maintenanceBody(true, noticeId), JSON,
                JSON);
    }

    @Override
    public void withdrawIdleStop(CmlTarget target) {
        client.operation(target, "PATCH", "/system/maintenance_mode", parser.maintenanceBody(false, null), JSON,
                JSON);
        byte[] notices = client.operation(target, "GET", "/system/notices", null, null, JSON);
        for (String id : parsed(() -> parser.noticeIdsLabelled(notices, NOTICE_LABEL), target, "/system/notices")) {
            client.operation(target, "DELETE", "/system/notices/" + id, null, null, JSON);
        }
    }
}
