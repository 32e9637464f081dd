package io.cmlfleet.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.bootstrap.api.ApiClient.Answer;
import io.cmlfleet.bootstrap.host.HostApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every 4xx and 5xx is {@code application/problem+json} (issue #10), whoever answers: the controllers, Spring MVC
 * before a controller is chosen (405, 406, 415), the security chain (401, 403), and the servlet container (unknown
 * paths, malformed URLs, bad request lines, {@code /error}); and an authenticated caller on an unknown path gets 404,
 * not 401. Against the real embedded Tomcat, over real HTTP (and a raw socket where a client library would refuse to
 * send the request).
 */
@SpringBootTest(classes = {HostApplication.class, HttpApiTest.Ports.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UniformErrorsTest {

    private static final String ADMIN_KEY = HttpApiTest.ADMIN_KEY;
    private static final String READER_KEY = HttpApiTest.READER_KEY;

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HttpApiTest.hostProperties(registry, dataDir);
    }

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, List.of(ADMIN_KEY, READER_KEY, HttpApiTest.ALICE_PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nothing-here", "/api/v2/workers", "/api/v1/workers/w-1/nothing", "/nothing-here",
            "/actuator/nothing"})
    void anUnknownPathIs404ForAnAuthenticatedCaller(String path) {
        assertProblem(api.send("GET", path, null, "X-API-Key", ADMIN_KEY), 404);
        assertProblem(api.send("GET", path, null, "Authorization", ApiClient.basic("alice", HttpApiTest.ALICE_PASSWORD)), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nothing-here", "/nothing-here"})
    void anUnknownPathIs401WithoutCredentials(String path) {
        Answer answer = api.send("GET", path, null);
        assertProblem(answer, 401);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:cmlfleet:problem:unauthenticated");
    }

    @Test
    void aWrongKeyIs401AndAReaderMutatingIs403() {
        assertProblem(api.send("GET", "/api/v1/workers", null, "X-API-Key", "not-a-key"), 401);
        assertProblem(api.send("POST", "/api/v1/workers/w-1/start", "{}", "X-API-Key", READER_KEY), 403);
        assertProblem(api.send("POST", "/api/v1/workers/w-1/start", "{}",
                "Authorization", ApiClient.basic("alice", "wrong")), 401);
    }

    @Test
    void deadLettersAreListedForReadersAndRetriedOrEvictedOnlyByAdmins() {
        Answer listed = api.send("GET", "/api/v1/dead-letters", null, "X-API-Key", READER_KEY);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().isArray()).isTrue();
        assertProblem(api.send("POST", "/api/v1/dead-letters/worker-summary/w-1/retry", null,
                "X-API-Key", READER_KEY), 403);
        assertProblem(api.send("DELETE", "/api/v1/dead-letters/worker-summary/w-1", null,
                "X-API-Key", READER_KEY), 403);
        Answer unknown = api.send("DELETE", "/api/v1/dead-letters/worker-summary/w-1", null, "X-API-Key", ADMIN_KEY);
        assertProblem(unknown, 404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:cmlfleet:problem:unknown-dead-letter-sequence");
        assertProblem(api.send("POST", "/api/v1/dead-letters/no-such-group/w-1/retry", null,
                "X-API-Key", ADMIN_KEY), 404);
    }

    @Test
    void anUnsupportedMethodIs405() {
        Answer answer = api.send("DELETE", "/api/v1/projections", null, "X-API-Key", ADMIN_KEY);
        assertProblem(answer, 405);
        assertThat(answer.raw().headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void anUnacceptableMediaTypeIs406() {
        assertProblem(api.send("GET", "/api/v1/workers", null, "X-API-Key", ADMIN_KEY, "Accept", "image/png"), 406);
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        Answer answer = api.send("POST", "/api/v1/workers/import", null, "X-API-Key", ADMIN_KEY,
                "Content-Type", "text/plain");
        assertProblem(answer, 415);
    }

    @Test
    void malformedJsonAndAWrongTypeNameTheField() {
        Answer malformed = api.send("POST", "/api/v1/workers/import", "{\"workerId\": ", "X-API-Key", ADMIN_KEY);
        assertProblem(malformed, 400);
        assertThat(malformed.json().path("field").asText()).isEqualTo("request");
        Answer wrongType = api.send("POST", "/api/v1/workers/import",
                "{\"workerId\":\"w-1\",\"name\":\"n\",\"region\":\"eu-west-1\",\"instanceId\":17}",
                "X-API-Key", ADMIN_KEY);
        assertProblem(wrongType, 400);
        assertThat(wrongType.json().path("field").asText()).isEqualTo("instanceId");
        Answer badParameter = api.send("GET", "/api/v1/workers?page=first", null, "X-API-Key", ADMIN_KEY);
        assertProblem(badParameter, 400);
        assertThat(badParameter.json().path("field").asText()).isEqualTo("page");
    }

    @Test
    void theErrorPathItselfIsAProblem() {
        assertProblem(api.send("GET", "/error", null, "X-API-Key", ADMIN_KEY), 404);
        assertProblem(api.send("GET", "/error", null), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /api/v1/workers/%zz HTTP/1.1",
            "GET /api/v1/workers/a%00b HTTP/1.1",
            "GET /api/v1/../../etc/passwd HTTP/1.1",
            "GET /api/v1/workers/a b HTTP/1.1",
            "GET /api/v1/workers/\u007f HTTP/1.1",
            "BR@KEN /api/v1/workers HTTP/1.1"})
    void aRequestTheContainerRefusesIsAProblemToo(String requestLine) throws IOException {
        RawAnswer answer = raw(requestLine + "\r\nHost: localhost\r\nX-API-Key: " + ADMIN_KEY
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
        assertThat(answer.head()).as(answer.text()).containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(answer.text()).doesNotContain(ADMIN_KEY).doesNotContain("Exception").doesNotContain("<html");
    }

    private record RawAnswer(int status, String head, String body) {
        String text() {
            return head + "\r\n\r\n" + body;
        }
    }

    private RawAnswer raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            String text = received.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new RawAnswer(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.json().path("title").asText()).isNotBlank();
        assertThat(answer.json().path("type").asText()).startsWith("urn:cmlfleet:problem:");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
