package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.forensics.ForensicsSettings;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.rendering.TimelineFormat;
import io.cmlfleet.application.rendering.TimelineRenderer;
import io.cmlfleet.application.forensics.TimelinePage;
import io.cmlfleet.application.forensics.WorkerForensics;
import io.cmlfleet.application.forensics.WorkerTimeline;
import io.cmlfleet.application.forensics.WorkerHistoryNotFoundException;
import io.cmlfleet.application.text.SafeText;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The forensic commands, read from the event store alone: {@code timeline}, {@code fleet-timeline}, {@code state-at}
 * and {@code findings}. Output as text (default), JSON lines, CSV or Markdown ({@code --format}); the renderers
 * neutralise stored text, so every output path here goes through one of them. A worker the store holds no event
 * of is reported as such (exit 1), never as an empty timeline; a store that cannot be read in one line (exit 3).
 */
final class ForensicCommand implements Command {

    private static final String STORE = "[--data-dir ./cmlfleet-data | --jdbc-url URL | --axon-server host:port"
            + " [--context default] [--tls] [--ca-bundle ca.pem] (token in $CMLFLEET_AXON_TOKEN)]";

    private final String name;

    private ForensicCommand(String name) {
        this.name = name;
    }

    static ForensicCommand[] all() {
        return new ForensicCommand[]{new ForensicCommand("timeline"), new ForensicCommand("fleet-timeline"),
                new ForensicCommand("state-at"), new ForensicCommand("findings")};
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return switch (name) {
            case "timeline" -> "timeline <workerId> [--from ISO] [--to ISO] [--types StatusChanged,...] [--limit 1000] "
                    + "[--after SEQUENCE] [--format text|json-lines|csv|markdown] " + STORE;
            case "fleet-timeline" -> "fleet-timeline --from ISO [--to ISO] [--types ...] [--limit 1000] [--format ...] "
                    + STORE;
            case "state-at" -> "state-at <workerId> <ISO instant> [--format ...] " + STORE;
            default -> "findings <workerId> [--from ISO] [--to ISO] [--fast 30s] [--normal 300s] [--format ...] "
                    + STORE;
        };
    }

    @Override
    public String summary() {
        return switch (name) {
            case "timeline" -> "every event of one worker, described, with correlation ids and issuers";
            case "fleet-timeline" -> "all workers' events in a time window, merged in time order";
            case "state-at" -> "what was known about a worker at an instant, and what the refresh gate decided";
            default -> "monitoring gaps, flapping, stuck states, failures, and why the CML API was (not) called";
        };
    }

    @Override
    public int run(Options options, PrintStream out, Map<String, String> environment) {
        TimelineRenderer renderer;
        try {
            renderer = TimelineFormat.parse(options.value("format", "text")).renderer();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ForensicsSettings settings = ForensicsSettings.defaults().withCadences(
                duration(options.value("fast", "30s"), "--fast"), duration(options.value("normal", "300s"), "--normal"));
        TimeWindow window = new TimeWindow(instant(options.value("from", null), "--from"),
                instant(options.value("to", null), "--to"));
        Set<String> types = options.value("types", null) == null ? Set.of()
                : Arrays.stream(options.value("types", "").split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
        try (ForensicStore store = ForensicStore.open(options, environment)) {
            WorkerForensics forensics = store.forensics(settings);
            String output = switch (name) {
                case "timeline" -> {
                    String workerId = knownWorker(store, options);
                    TimelinePage page = new TimelinePage(after(options.value("after", null)),
                            limit(options.value("limit", String.valueOf(TimelinePage.DEFAULT_LIMIT)),
                                    TimelinePage.MAX_LIMIT));
                    WorkerTimeline timeline = store.read(() -> forensics.timeline(workerId, window, types, page));
                    String body = renderer.timeline(timeline);
                    yield body + continuation(renderer, timeline, body);
                }
                case "fleet-timeline" -> {
                    if (window.from() == null) {
                        throw new UsageException("--from is required: the fleet timeline starts near it in the store");
                    }
                    int limit = limit(options.value("limit", "1000"), Integer.MAX_VALUE);
                    yield renderer.timeline(store.read(() -> forensics.fleetTimeline(window, types, limit)));
                }
                case "state-at" -> {
                    String workerId = knownWorker(store, options);
                    Instant at = instant(options.positional(1, "the instant (ISO-8601)"), "instant");
                    yield renderer.snapshot(store.read(() -> forensics.stateAt(workerId, at)));
                }
                default -> {
                    String workerId = knownWorker(store, options);
                    yield renderer.findings(store.read(() -> forensics.findings(workerId, window)));
                }
            };
            out.print(output.endsWith("\n") ? output : output + "\n");
            return 0;
        } catch (WorkerHistoryNotFoundException e) {
            throw new NoHistoryException(SafeText.line(e.getMessage())); // the worker's history starts after the instant
        }
    }

    /**
     * The worker id argument, once the store is known to hold events of it: an unknown worker (or a typo, or the
     * wrong store) is not an empty history, and "(no events)" with exit 0 would mislead.
     */
    private static String knownWorker(ForensicStore store, Options options) {
        String workerId = options.positional(0, "the worker id");
        if (!store.knows(workerId)) {
            throw new NoHistoryException("no events for worker " + SafeText.line(workerId) + " in "
                    + store.description());
        }
        return workerId;
    }

    private static int limit(String value, int max) {
        try {
            int limit = Integer.parseInt(value);
            if (limit > 0 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--limit must be a positive whole number"
                + (max == Integer.MAX_VALUE ? "" : " up to " + max) + " (got '" + SafeText.line(value) + "')");
    }

    private static Long after(String value) {
        if (value == null) {
            return null;
        }
        try {
            long after = Long.parseLong(value);
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--after must be a sequence number, 0 or more (got '" + SafeText.line(value) + "')");
    }

    /** The text format's last line when the page is not the last; the other formats stay pure data. */
    private static String continuation(TimelineRenderer renderer, WorkerTimeline timeline, String body) {
        if (timeline.next() == null || renderer.format() != TimelineFormat.TEXT) {
            return "";
        }
        return (body.endsWith("\n") ? "" : "\n") + "(more: --after " + timeline.next() + "; "
                + timeline.historyEvents() + " events in the whole history)\n";
    }

    private static Instant instant(String value, String option) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " must be an ISO-8601 instant such as 2026-11-24T14:05:00Z (got '"
                    + SafeText.line(value) + "')");
        }
    }

    private static Duration duration(String value, String option) {
        try {
            String text = value.trim().toLowerCase();
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new UsageException(option + " must be a duration such as 30s or 5m (got '" + SafeText.line(value) + "')");
        }
    }
}
