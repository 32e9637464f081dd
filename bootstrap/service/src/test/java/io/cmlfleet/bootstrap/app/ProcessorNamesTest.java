package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.bootstrap.config.OperationsDoc;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event processors the running service registers are exactly those {@code docs/operations.md} lists for the
 * Axon Server dashboard, with the kind documented: the names an operator sees there, and the ones tokens are stored
 * under, change only with the table.
 */
class ProcessorNamesTest {

    @Test
    void theServiceRegistersExactlyTheDocumentedProcessors(@TempDir Path dataDir) {
        Map<String, String> documented = new TreeMap<>();
        OperationsDoc.read().tableAfter("### The dashboard's view of cmlfleet")
                .forEach(row -> documented.put(row.get(0).replace("`", ""), row.get(1)));

        Map<String, String> registered = new TreeMap<>();
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of("cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", "1"))) {
            run.context.getBean(EventProcessingConfiguration.class).eventProcessors()
                    .forEach((name, processor) -> registered.put(name, kind(processor)));
        }

        assertThat(registered).hasSize(8).isEqualTo(documented);
    }

    private static String kind(EventProcessor processor) {
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        if (processor instanceof PooledStreamingEventProcessor) {
            return "pooled";
        }
        return processor instanceof SubscribingEventProcessor ? "subscribing" : processor.getClass().getSimpleName();
    }
}
