package io.cmlfleet.bootstrap.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The requests {@link HttpApiFuzzTest} sends: every endpoint of the API and unknown paths, with methods, query
 * parameters and JSON bodies that mix valid values (a known worker, an instance some worker watches, real formats)
 * with hostile ones (huge strings, control, bidi and NUL characters, wrong JSON types, out-of-range numbers, deep
 * nesting, trailing garbage).
 */
final class FuzzedRequests {

    enum Caller { ADMIN, READ_ONLY, ANONYMOUS }

    record Request(Caller caller, String method, String pathAndQuery, String body) {
        @Override
        public String toString() {
            String shownBody = body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
            return caller + " " + method + " " + pathAndQuery + shownBody;
        }
    }

    private FuzzedRequests() {
    }

    static Arbitrary<Request> requests(String knownWorker, String watchedInstance) {
        Arbitrary<Caller> caller = Arbitraries.frequency(Tuple.of(6, Caller.ADMIN), Tuple.of(2, Caller.READ_ONLY),
                Tuple.of(1, Caller.ANONYMOUS));
        Arbitrary<String> workerId = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(knownWorker)),
                Tuple.of(2, Arbitraries.of("w-fuzz", "w-1", "a.b_c:d-e")), Tuple.of(3, hostile()));
        Arbitrary<String> instanceId = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(watchedInstance)),
                Tuple.of(2, Arbitraries.of("i-0123456789abcdef0", "i-01234567", "i-0123456789ABCDEF0")),
                Tuple.of(3, hostile()));
        Arbitrary<Request> reads = Combinators.combine(caller, readPath(workerId, instanceId), query())
                .as((who, path, query) -> new Request(who, "GET", path + query, null));
        Arbitrary<Request> writes = Combinators.combine(caller, write(workerId, instanceId))
                .as((who, call) -> new Request(who, call.get1(), call.get2(), call.get3()));
        Arbitrary<Request> anything = Combinators.combine(caller,
                        Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
                        Arbitraries.oneOf(readPath(workerId, instanceId), unknownPath()), query(),
                        Arbitraries.oneOf(Arbitraries.just((String) null), body(workerId, instanceId)))
                .as((who, method, path, query, body) -> new Request(who, method, path + query,
                        "GET".equals(method) ? null : body));
        return Arbitraries.frequencyOf(Tuple.of(3, reads), Tuple.of(5, writes), Tuple.of(2, anything));
    }

    private static Arbitrary<String> readPath(Arbitrary<String> workerId, Arbitrary<String> instanceId) {
        Arbitrary<String> id = workerId.map(FuzzedRequests::segment);
        return Arbitraries.oneOf(
                Arbitraries.of("/api/v1/workers", "/api/v1/fleet/overview", "/api/v1/fleet/timeline",
                        "/api/v1/dead-letters", "/api/v1/projections"),
                id.map(w -> "/api/v1/workers/" + w),
                instanceId.map(i -> "/api/v1/workers/by-instance/" + segment(i)),
                Combinators.combine(id, Arbitraries.of("telemetry", "timeline", "state", "findings", "licence", "labs"))
                        .as((w, view) -> "/api/v1/workers/" + w + "/" + view));
    }

    private static Arbitrary<String> unknownPath() {
        return Arbitraries.oneOf(
                hostile().map(s -> "/api/v1/" + segment(s)),
                Arbitraries.of("/api/v1", "/api/v1/", "/api/v2/workers", "/api/v1/workers/w-1/nothing",
                        "/api/v1/workers//start", "/api/v1/fleet", "/api/v1/dead-letters/x", "/api/v1/projections/x",
                        "/api/v1/workers/%2e%2e/%2e%2e/actuator", "/api/v1/workers/a%2Fb", "/api/v1/workers/a%5Cb",
                        "/api/v1/workers/;jsessionid=1", "/api/v1/workers/a%00b", "/api/v1/workers/%ff%fe"));
    }

    /** A method, a path (with query) and a body for one of the mutations. */
    private static Arbitrary<net.jqwik.api.Tuple.Tuple3<String, String, String>> write(
            Arbitrary<String> workerId, Arbitrary<String> instanceId) {
        Arbitrary<String> id = workerId.map(FuzzedRequests::segment);
        Arbitrary<String> group = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("worker-summary", "telemetry-history", "fleet-overview")),
                Tuple.of(1, hostile()));
        return Arbitraries.oneOf(
                body(workerId, instanceId).map(b -> Tuple.of("POST", "/api/v1/workers", b)),
                body(workerId, instanceId).map(b -> Tuple.of("POST", "/api/v1/workers/import", b)),
                Combinators.combine(id, Arbitraries.of("start", "stop", "terminate", "refresh"),
                                Arbitraries.oneOf(Arbitraries.just((String) null), body(workerId, instanceId)))
                        .as((w, action, b) -> Tuple.of("POST", "/api/v1/workers/" + w + "/" + action, b)),
                Combinators.combine(id, body(workerId, instanceId))
                        .as((w, b) -> Tuple.of("PUT", "/api/v1/workers/" + w + "/endpoint", b)),
                Combinators.combine(id, body(workerId, instanceId))
                        .as((w, b) -> Tuple.of("PUT", "/api/v1/workers/" + w + "/idle-stop", b)),
                Combinators.combine(id, body(workerId, instanceId))
                        .as((w, b) -> Tuple.of("POST", "/api/v1/workers/" + w + "/idle-stop/snooze", b)),
                // No body of these names a registration token, so a registration is refused before CML is asked.
                Combinators.combine(id, body(workerId, instanceId))
                        .as((w, b) -> Tuple.of("POST", "/api/v1/workers/" + w + "/licence/registration", b)),
                Combinators.combine(id, hostile())
                        .as((w, reason) -> Tuple.of("DELETE", "/api/v1/workers/" + w + "/endpoint?reason="
                                + URLEncoder.encode(reason, StandardCharsets.UTF_8), null)),
                Combinators.combine(group, id, Arbitraries.of("POST", "DELETE"))
                        .as((g, w, method) -> Tuple.of(method, "/api/v1/dead-letters/" + segment(g) + "/" + w
                                + ("POST".equals(method) ? "/retry" : ""), null)),
                // Rebuilding a real projection replays the store (slow, and not input handling): unknown groups only.
                hostile().map(g -> Tuple.of("POST", "/api/v1/projections/" + segment("x" + g) + "/rebuild", null)));
    }

    /** Zero to four query parameters, named as the API names them (or not), with plausible or hostile values. */
    private static Arbitrary<String> query() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("page", "size", "at", "from", "to", "format", "types", "limit", "status",
                        "region", "serviceStatus", "reason")),
                Tuple.of(1, hostile()));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("0", "1", "-1", "500", "501", "2147483648", "99999999999999999999", "1e3",
                        "0x10", "", "2026-12-02T01:00:00Z", "2026-12-02T01:00:00.123456789Z", "+999999999-12-31T23:59:59Z",
                        "1970-01-01T00:00:00Z", "yesterday", "text", "csv", "json-lines", "markdown", "xml",
                        "RUNNING", "SLEEPING", "AVAILABLE", "eu-west-1", "StatusChanged,Nope", ",,,")),
                Tuple.of(2, hostile()));
        Arbitrary<String> parameter = Combinators.combine(name, value).as((n, v) ->
                URLEncoder.encode(n, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
        return parameter.list().ofMaxSize(4).map(list -> list.isEmpty() ? "" : "?" + String.join("&", list));
    }

    /** A JSON object of the fields the API's bodies take (valid or hostile values), or something that is not one. */
    static Arbitrary<String> body(Arbitrary<String> workerId, Arbitrary<String> instanceId) {
        Arbitrary<String> field = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("workerId", "name", "region", "instanceId", "amiId", "amiName",
                        "instanceType", "subnetId", "securityGroupIds", "keyName", "tags", "reason", "endpoint",
                        "enabled", "minutes")),
                Tuple.of(1, hostile()));
        Arbitrary<String> entry = Combinators.combine(field, workerId, instanceId, jsonValue()).as((f, w, i, v) ->
                quote(f) + ":" + switch (f) {
                    case "workerId" -> v.startsWith("\"") ? quote(w) : v;
                    case "instanceId" -> v.startsWith("\"") ? quote(i) : v;
                    default -> v;
                });
        Arbitrary<String> object = entry.list().ofMaxSize(10)
                .map(entries -> "{" + String.join(",", entries) + "}");
        Arbitrary<String> valid = Combinators.combine(workerId, instanceId).as((w, i) ->
                ("{\"workerId\":%s,\"name\":\"fuzzed\",\"region\":\"eu-west-1\",\"instanceId\":%s,"
                        + "\"amiId\":\"ami-0123456789abcdef0\",\"instanceType\":\"c5.2xlarge\","
                        + "\"endpoint\":\"https://10.0.0.1:443\",\"reason\":\"fuzz\"}").formatted(quote(w), quote(i)));
        Arbitrary<String> garbage = Arbitraries.of("", "null", "[]", "\"text\"", "17", "{", "}", "{}{}", "{} x",
                "{\"workerId\":\"w\",}", "{'workerId':'w'}", "{\"workerId\":\"w\",\"workerId\":\"v\"}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "\uFEFF{}", "{\"name\":\"\\ud800\"}", "{\"tags\":{\"k\":1}}");
        return Arbitraries.frequencyOf(
                Tuple.of(5, object),
                Tuple.of(2, Combinators.combine(valid, Arbitraries.of("", "", " x", "}", "{}", "\u0000", "\n//c"))
                        .as(String::concat)),
                Tuple.of(2, garbage));
    }

    private static Arbitrary<String> jsonValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, hostile().map(FuzzedRequests::quote)),
                Tuple.of(3, Arbitraries.of("\"eu-west-1\"", "\"ami-0123456789abcdef0\"", "\"c5.2xlarge\"",
                        "\"subnet-0123abcd\"", "\"https://10.0.0.1:443\"", "\"https://10.0.0.1:99999\"",
                        "\"https://user:pw@10.0.0.1\"", "[\"sg-0123abcd\",\"sg-0123abcd\"]", "[\"sg-0123abcd\",17]",
                        "{\"Name\":\"x\"}", "{\"\":\"\"}")),
                Tuple.of(2, Arbitraries.of("17", "-1", "1e400", "99999999999999999999999", "0.5", "true", "false",
                        "null", "[]", "{}", "[[[[[[]]]]]]", "NaN", "\"\"")),
                Tuple.of(1, Arbitraries.integers().between(1, 60).map(n -> "{\"t\":".repeat(n) + "{}"
                        + "}".repeat(n))));
    }

    /** Control, bidi and NUL characters, huge strings, odd Unicode, injection-looking text. */
    static Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("\u0000\n\r\u001b\u202e\u2066\u200f\t\u0085\u2028\uFEFF a-=:/.%\"\\{}")
                        .ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().alpha().ofLength(5_000),
                Arbitraries.strings().alpha().ofLength(129),
                Arbitraries.of("w-1\n2026-01-01 forged line", "\u001b[2J", "a\u0000b", "\u202ereversed", " w-1",
                        "w-1 ", "${jndi:ldap://127.0.0.1:1/x}", "../../etc/passwd", "<script>", "' OR 1=1 --",
                        "\uD800", "i-0123456789abcdef0\n", "eu-west-1\r\n"));
    }

    /** A path segment as a client would send it: percent-encoded (so the server sees the hostile characters). */
    static String segment(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A JSON string literal of any text, escaped the way JSON requires (lone surrogates kept as escapes). */
    static String quote(String raw) {
        return raw.codePoints().mapToObj(FuzzedRequests::escape)
                .collect(Collectors.joining("", "\"", "\""));
    }

    private static String escape(int c) {
        if (c == '"' || c == '\\') {
            return "\\" + (char) c;
        }
        if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {
            return String.format("\\u%04x", c);
        }
        return new String(Character.toChars(c));
    }
}
