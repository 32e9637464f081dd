package io.cmlfleet.adapters.cml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlCredentialsProvider;
import io.cmlfleet.application.port.cml.CmlDeregistration;
import io.cmlfleet.application.port.cml.CmlLicenceProgress;
import io.cmlfleet.application.port.cml.RegistrationToken;
import io.cmlfleet.application.port.cml.CmlLabImport;
import io.cmlfleet.application.port.cml.CmlLabOperations;
import io.cmlfleet.application.port.cml.CmlLicensingOperations;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.LabFacts;
import io.cmlfleet.domain.worker.LicenceFacts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link CmlLabOperations} and {@link CmlLicensingOperations} over the CML REST API, through the session, TLS trust, timeouts and body cap of an
 * {@link HttpCmlControllerClient}: the same token serves the refresh's reads and these operations.
 */
public final class HttpCmlLabOperations implements CmlLabOperations, CmlLicensingOperations {

    private static final String JSON = "application/json";

    private final HttpCmlControllerClient client;
    private final CmlResponseParser listParser = new CmlResponseParser();
    private final CmlLabParser parser = new CmlLabParser();
    private final CmlLicenceParser licenceParser = new CmlLicenceParser();
    private final ObjectMapper mapper = new ObjectMapper();

    public HttpCmlLabOperations(HttpCmlControllerClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Lab operations with a client of their own (their own session per controller), for hosts wiring by settings. */
    public static HttpCmlLabOperations create(CmlClientSettings settings, CmlCredentialsProvider credentials) {
        return new HttpCmlLabOperations(new HttpCmlControllerClient(settings, credentials));
    }

    @Override
    public List<LabFacts> labDetails(CmlTarget target) {
        // show_all=true lists every user's labs for an admin; other users get their own labs.
        byte[] listing = client.operation(target, "GET", "/labs?show_all=true", null, null, JSON);
        List<LabFacts> labs = new ArrayList<>();
        for (String id : parsed(() -> listParser.labIds(listing), target, "/labs")) {
            labs.add(lab(target, id));
        }
        return labs;
    }

    @Override
    public LabFacts lab(CmlTarget target, String labId) {
        String path = labPath(labId);
        byte[] body = client.operation(target, "GET", path, null, null, JSON);
        return parsed(() -> parser.lab(body), target, path);
    }

    @Override
    public void startLab(CmlTarget target, String labId) {
        client.operation(target, "PUT", labPath(labId) + "/start", null, null, JSON);
    }

    @Override
    public void stopLab(CmlTarget target, String labId) {
        client.operation(target, "PUT", labPath(labId) + "/stop", null, null, JSON);
    }

    @Override
    public void wipeLab(CmlTarget target, String labId) {
        client.operation(target, "PUT", labPath(labId) + "/wipe", null, null, JSON);
    }

    @Override
    public void deleteLab(CmlTarget target, String labId) {
        client.operation(target, "DELETE", labPath(labId), null, null, JSON);
    }

    @Override
    public String downloadTopology(CmlTarget target, String labId) {
        byte[] yaml = client.operation(target, "GET", labPath(labId) + "/download", null, null,
                "application/x-yaml, text/plain, */*");
        return new String(yaml, StandardCharsets.UTF_8);
    }

    @Override
    public CmlLabImport importTopology(CmlTarget target, String title, String topologyYaml) {
        String path = "/import?title=" + URLEncoder.encode(Objects.requireNonNull(title, "title"),
                StandardCharsets.UTF_8);
        byte[] body = client.operation(target, "POST", path,
                Objects.requireNonNull(topologyYaml, "topologyYaml").getBytes(StandardCharsets.UTF_8),
                "application/x-yaml", JSON);
        return parsed(() -> parser.imported(body), target, "/import");
    }

    @Override
    public LicenceFacts licenceDetails(CmlTarget target) {
        byte[] body = client.operation(target, "GET", "/licensing", null, null, JSON);
        return parsed(() -> licenceParser.licence(body), target, "/licensing");
    }

    @Override
    public CmlLicenceProgress licenceProgress(CmlTarget target) {
        byte[] body = client.operation(target, "GET", "/licensing", null, null, JSON);
        return parsed(() -> licenceParser.progress(body), target, "/licensing");
    }

    @Override
    public void register(CmlTarget target, RegistrationToken token, boolean reregister) {
        byte[] body;
        try {
            // The one place the token is written: the request body to CML, never a log line or a message.
            body = mapper.writeValueAsBytes(Map.of("token", Objects.requireNonNull(token, "token").reveal(),
                    "reregister", reregister));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a registration body", e);
        }
        client.operation(target, "POST", "/licensing/registration", body, JSON, JSON);
    }

    @Override
    public void renewAuthorization(CmlTarget target) {
        client.operation(target, "PUT", "/licensing/authorization/renew", null, null, JSON);
    }

    @Override
    public void renewRegistration(CmlTarget target) {
        client.operation(target, "PUT", "/licensing/registration/renew", null, null, JSON);
    }

    @Override
    public CmlDeregistration deregister(CmlTarget target) {
        HttpCmlControllerClient.OperationAnswer answer = client.operationAnswer(target, "DELETE",
                "/licensing/deregistration", null, null, JSON);
        return new CmlDeregistration(answer.status(), licenceParser.statusText(answer.body()));
    }

    /** Only a well-formed lab id goes into a URL path. */
    private static String labPath(String labId) {
        if (labId == null || !CmlResponseParser.isValidLabId(labId)) {
            throw new IllegalArgumentException("not a CML lab id");
        }
        return "/labs/" + labId;
    }

    /** A parse failure names the worker and the call, like the client's own failures (also for the idle operations). */
    static <T> T parsed(java.util.function.Supplier<T> parse, CmlTarget target, String path) {
        try {
            return parse.get();
        } catch (CmlAccessException e) {
            throw new CmlAccessException(e.kind(), e.getMessage() + " (worker " + target.workerId() + ", " + path
                    + ")", e.retryAfter().orElse(null), null);
        }
    }
}
