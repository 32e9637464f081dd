package io.cmlfleet.domain.worker.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** The catalogue of stored names, the classes and docs/events.md must agree. */
class WorkerEventCatalogueTest {

    @Test
    void everyWorkerEventClassIsCataloguedAsARevisionedRecord() throws Exception {
        List<Class<?>> eventClasses = eventClassesInThisPackage();

        assertThat(eventClasses).isNotEmpty();
        assertThat(List.<Class<?>>copyOf(WorkerEventTypes.all().values()))
                .containsExactlyInAnyOrderElementsOf(eventClasses);
        for (Class<?> type : eventClasses) {
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            assertThat(type.getAnnotation(Revision.class)).as(type + " carries @Revision").isNotNull();
        }
    }

    @Test
    void docsEventsMdDescribesEveryEventWithItsStoredNameAndRevision() throws IOException {
        String catalogue = Files.readString(Path.of(System.getProperty("cmlfleet.docs", "../docs"), "events.md"));

        WorkerEventTypes.all().forEach((storedName, type) -> {
            String revision = type.getAnnotation(Revision.class).value();
            assertThat(catalogue).as("docs/events.md has a section for " + type.getSimpleName())
                    .contains("## " + type.getSimpleName() + "\n");
            assertThat(catalogue).as("docs/events.md names " + storedName + " revision " + revision)
                    .contains("`" + storedName + "` revision " + revision);
            String section = sectionOf(catalogue, type.getSimpleName());
            for (var component : type.getRecordComponents()) {
                assertThat(section).as("docs/events.md lists field " + type.getSimpleName() + "."
                        + component.getName()).contains("| `" + component.getName() + "` |");
            }
        });
    }

    private static String sectionOf(String catalogue, String eventName) {
        int start = catalogue.indexOf("## " + eventName + "\n");
        int end = catalogue.indexOf("\n## ", start + 1);
        return catalogue.substring(start, end < 0 ? catalogue.length() : end);
    }

    private static List<Class<?>> eventClassesInThisPackage() throws URISyntaxException, IOException {
        Path folder = Path.of(WorkerEvent.class.getResource("WorkerEvent.class").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load(WorkerEvent.class.getPackageName() + "." + name.replace(".class", "")))
                    .filter(type -> WorkerEvent.class.isAssignableFrom(type) && !type.isInterface())
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
