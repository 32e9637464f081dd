package io.cmlfleet.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.bootstrap.cli.CommandLineToolsTest.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of the operator CLI (issue #10): for generated argument lists (known and unknown commands,
 * known and unknown options with and without values, hostile values) {@link CommandLineTools} either runs the command
 * or answers with an exit code (2 for wrong usage, with a first line that names the command and what was wrong), and
 * never lets an exception out, prints a stack trace, a raw control character or a secret from the environment.
 * Network targets are only loopback ports that refuse at once, so a try never waits on DNS or a timeout.
 */
class CommandLineFuzzTest {

    private static final String DB_PASSWORD = "cli-fuzz-db-pw-3e9a1c7b";
    private static final String CML_PASSWORD = "cli-fuzz-cml-pw-8d2f6a4e";
    private static final String AXON_TOKEN = "cli-fuzz-token-5c1b9e7d";
    private static final Map<String, String> ENVIRONMENT = Map.of("CMLFLEET_DB_PASSWORD", DB_PASSWORD,
            "CMLFLEET_CML_PASSWORD", CML_PASSWORD, "CMLFLEET_AXON_TOKEN", AXON_TOKEN);
    private static final List<String> COMMANDS = List.of("probe", "workers", "dead-letters", "timeline",
            "fleet-timeline", "state-at", "findings", "help", "--help");
    private static final List<String> OPTIONS = List.of("format", "from", "to", "types", "limit", "fast", "normal",
            "status", "service", "region", "port", "user", "password-env", "ca-bundle", "insecure", "json", "tls",
            "data-dir", "jdbc-url", "jdbc-user", "axon-server", "context", "token");

    private static Path emptyStore;

    @BeforeContainer
    static void emptyStore() throws IOException {
        emptyStore = Files.createTempDirectory("cli-fuzz");
    }

    @AfterContainer
    static void removeStore() throws IOException {
        try (var files = Files.walk(emptyStore)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Property(tries = 300, maxDiscardRatio = 2)
    void everyArgumentListRunsOrIsAUsageError(@ForAll("argumentLists") List<String> args) {
        Result result = CommandLineToolsTest.run(ENVIRONMENT, args.toArray(String[]::new));

        String printed = result.out() + result.err();
        Statistics.label("exit code").collect(result.exitCode());
        assertThat(result.exitCode()).as(printed).isBetween(0, 3);
        assertThat(printed).as("a stack trace").doesNotContain("\tat ").doesNotContain("Caused by:");
        assertThat(printed).as("a secret").doesNotContain(DB_PASSWORD).doesNotContain(CML_PASSWORD)
                .doesNotContain(AXON_TOKEN);
        assertThat(printed.codePoints().filter(c -> c != '\n' && Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT)).as("a raw control or format character in %s", printed)
                .isEmpty();
        boolean known = !args.isEmpty() && COMMANDS.contains(args.get(0)) && !args.get(0).contains("help");
        if (result.exitCode() == 2 && known) {
            String[] lines = result.err().split("\n");
            assertThat(lines[0]).as(result.err()).startsWith(args.get(0) + ": ").hasSizeGreaterThan(
                    args.get(0).length() + 2);
            assertThat(lines).as(result.err()).hasSize(2);
            assertThat(lines[1]).startsWith("usage: " + args.get(0));
        }
    }

    @Provide
    Arbitrary<List<String>> argumentLists() {
        Arbitrary<String> command = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(COMMANDS)),
                net.jqwik.api.Tuple.of(1, hostile()));
        Arbitrary<List<String>> rest = token().list().ofMaxSize(7);
        return Combinators.combine(command, rest).as((first, more) -> {
            List<String> all = new java.util.ArrayList<>();
            all.add(first);
            all.addAll(more);
            return all;
        });
    }

    /** One argument: a known or unknown option (bare, with {@code =value}, or followed by a value) or a value. */
    private Arbitrary<String> token() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(OPTIONS)),
                net.jqwik.api.Tuple.of(1, hostile()));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, name.map(n -> "--" + n)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(name, value()).as((n, v) -> "--" + n + "=" + v)),
                net.jqwik.api.Tuple.of(4, value()));
    }

    /** Values an option or a positional argument may get: plausible ones and hostile ones. */
    private Arbitrary<String> value() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of("w-1", "2026-12-02T01:00:00Z", "yesterday", "csv", "text",
                        "json-lines", "markdown", "bogus", "30s", "-5s", "0", "-1", "99999999999", "RUNNING",
                        "AVAILABLE", "eu-west-1", "retry", "evict", "worker-summary", "StatusChanged,Nope", ",,",
                        "https://127.0.0.1:1", "http://127.0.0.1:1", "https://user:pw@127.0.0.1:1",
                        "127.0.0.1:1", "127.0.0.1:99999", "host", "jdbc:h2:mem:cli-fuzz", "jdbc:nope:x",
                        "jdbc:postgresql://127.0.0.1:1/x", "/nonexistent/dir", "", " ", "--", "-", "=",
                        "CMLFLEET_DB_PASSWORD", "CMLFLEET_AXON_TOKEN")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(emptyStore.toString())),
                net.jqwik.api.Tuple.of(3, hostile()));
    }

    /** Control, bidi and NUL characters, long strings, odd Unicode. */
    private static Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("\u0000\n\r\u001b[31m\u202e\u2066\u200f\t\u0085\u2028 a-=:/.%")
                        .ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().alpha().ofLength(5000),
                Arbitraries.of("w-1\n2026-01-01 forged line", "\u001b]0;title\u0007", "a\u0000b", "\u202ereversed",
                        "%s%n%x", "${jndi:ldap://127.0.0.1:1/x}", "../../../../etc/passwd", "\uD800"));
    }
}
