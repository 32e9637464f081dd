package io.cmlfleet.application.forensics.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java 17 cannot check that the phrasing covers every permitted kind of {@link Finding} (no pattern switch), so this
 * test does: a new kind without phrasing fails here, not in front of an operator.
 */
class FindingPhrasingTest {

    @Test
    void everyKindOfFindingHasAJsonKindAndARow() throws Exception {
        List<Finding> oneOfEach = new ArrayList<>();
        for (Class<?> kind : Finding.class.getPermittedSubclasses()) {
            oneOfEach.add(sample(kind));
        }

        assertThat(FindingPhrasing.named(oneOfEach)).extracting(FindingPhrasing.Named::kind)
                .doesNotHaveDuplicates().hasSize(oneOfEach.size());
        // Every kind has a row except a stage explanation without outcomes, which has nothing to list.
        assertThat(FindingPhrasing.details(oneOfEach)).hasSize(oneOfEach.size() - 1);
    }

    /** A finding of the kind with a plain value in every component. */
    private static Finding sample(Class<?> kind) throws Exception {
        RecordComponent[] components = kind.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleValue(types[i]);
        }
        return (Finding) kind.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object sampleValue(Class<?> type) {
        if (type == Instant.class) {
            return Instant.parse("2026-11-24T08:00:00Z");
        } else if (type == Duration.class) {
            return Duration.ofMinutes(20);
        } else if (type == int.class) {
            return 2;
        } else if (type == boolean.class) {
            return false;
        } else if (type == List.class) {
            return List.of();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return "x";
    }
}
