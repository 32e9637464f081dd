package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code cmlfleet.refresh.controller-parallelism} and {@code cmlfleet.refresh.slow-controller-after} in the running
 * service, against a simulated fleet where most controllers answer every call after 2 s, on one refresh thread: the
 * workers with slow controllers move to the slow lane (each logs it, and the {@code cmlfleet.refresh.slow-controllers}
 * gauge counts them), and the others keep their cadence. Before the lanes, one slow
 * controller held a refresh thread for its whole refresh (4 s and more here), and six of them took the only thread
 * in turns: every other worker waited for all of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlowControllerLanesServiceTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final int CONTROLLER_PARALLELISM = 2;

    @TempDir
    Path dataDir;

    @Test
    void slowControllersMoveToTheirOwnLaneAndTheOtherWorkersKeepTheirCadence(CapturedOutput output) {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", "10",
                "cmlfleet.simulator.slow-percent", "60",
                "cmlfleet.monitoring.normal-interval", INTERVAL.toSeconds() + "s",
                "cmlfleet.refresh.parallelism", "1",
                "cmlfleet.refresh.controller-parallelism", String.valueOf(CONTROLLER_PARALLELISM),
                "cmlfleet.refresh.slow-controller-after", "1500ms"))) {
            List<String> slow = workers(run, true);
            List<String> others = workers(run, false);
            assertThat(slow).as("workers with slow controllers").hasSizeGreaterThanOrEqualTo(3);
            assertThat(others).as("workers with controllers in good order").hasSizeGreaterThanOrEqualTo(2);

            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> slow.stream().allMatch(worker ->
                    output.getOut().contains("Worker " + worker + " moved to the slow controller lane")));
            assertThat(output.getOut()).contains("s (more than 1.5 s)");
            others.forEach(worker -> assertThat(output.getOut()).as("log of %s", worker)
                    .doesNotContain("Worker " + worker + " moved to the slow controller lane"));
            assertThat(run.context.getBean(MeterRegistry.class).get("cmlfleet.refresh.slow-controllers").gauge()
                    .value()).as("slow controllers gauge").isEqualTo(slow.size());

            Instant from = Instant.now();
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> others.stream()
                    .allMatch(worker -> refreshesSince(run, worker, from).size() >= 6));
            for (String worker : others) {
                assertThat(longestGap(refreshesSince(run, worker, from))).as("longest gap between refreshes of %s",
                        worker).isLessThan(INTERVAL.multipliedBy(3));
            }
            assertThat(threads("cmlfleet-controller-")).as("regular lane threads").isEqualTo(CONTROLLER_PARALLELISM);
            assertThat(threads("cmlfleet-slow-controller-")).as("slow lane threads")
                    .isEqualTo(CONTROLLER_PARALLELISM / 2);
        }
    }

    private static List<String> workers(SimulatedFleetRun run, boolean slow) {
        return run.fleet().workers().stream().filter(worker -> worker.traits().slow() == slow)
                .map(SimulatedFleetImporter::workerIdFor).toList();
    }

    private static List<Instant> refreshesSince(SimulatedFleetRun run, String worker, Instant from) {
        return run.messages(worker).stream().filter(message -> message.getPayload() instanceof RefreshCompleted)
                .map(DomainEventMessage::getTimestamp).filter(at -> !at.isBefore(from)).toList();
    }

    private static Duration longestGap(List<Instant> refreshes) {
        Duration longest = Duration.ZERO;
        for (int i = 1; i < refreshes.size(); i++) {
            Duration gap = Duration.between(refreshes.get(i - 1), refreshes.get(i));
            longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
        return longest;
    }

    private static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith(prefix))
                .count();
    }
}
