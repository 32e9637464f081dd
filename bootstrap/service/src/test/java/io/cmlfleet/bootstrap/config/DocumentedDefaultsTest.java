package io.cmlfleet.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.bootstrap.api.CmlfleetApiProperties;
import io.cmlfleet.bootstrap.app.ConsoleProperties;
import io.cmlfleet.bootstrap.simulator.SimulatorProperties;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The configuration reference in {@code docs/operations.md} says what a setting is when nothing is set: every
 * settings record of the three artifacts is bound from an empty environment, and each of its leaves must have a row
 * whose default is the bound value, and each row a leaf.
 */
class DocumentedDefaultsTest {

    private static final List<Class<?>> SETTINGS = List.of(CmlfleetProperties.class, CmlfleetApiProperties.class,
            SimulatorProperties.class, ConsoleProperties.class);
    private static final Pattern ROW = Pattern.compile("^\\| `(cmlfleet\\.[a-z0-9.-]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern DURATION = Pattern.compile("(\\d+) (ms|s|min|h)");
    private static final String NOTHING = "–";

    @Test
    void everyDocumentedDefaultIsTheBoundOneAndEverySettingIsDocumented() throws IOException {
        Map<String, String> documented = documentedDefaults();
        Map<String, Object> bound = new LinkedHashMap<>();
        Binder empty = new Binder(new MapConfigurationPropertySource());
        for (Class<?> settings : SETTINGS) {
            String prefix = settings.getAnnotation(ConfigurationProperties.class).prefix();
            flatten(prefix, empty.bindOrCreate(prefix, settings), bound);
        }

        assertThat(documented.keySet()).as("settings in docs/operations.md")
                .containsExactlyInAnyOrderElementsOf(bound.keySet());
        bound.forEach((key, value) -> assertThat(normalised(value))
                .as("documented default of %s", key)
                .isEqualTo(normalisedDocumented(documented.get(key))));
    }

    @Test
    void aChangedDefaultWouldBeNoticed() {
        assertThat(normalised(Duration.ofSeconds(300))).isEqualTo(normalisedDocumented("300 s"))
                .isEqualTo(normalisedDocumented("5 min")).isNotEqualTo(normalisedDocumented("30 s"));
        assertThat(normalised(90.0)).isEqualTo(normalisedDocumented("90")).isNotEqualTo(normalisedDocumented("80"));
        assertThat(normalised(StorageMode.AXON_SERVER)).isEqualTo(normalisedDocumented("`axon-server`"));
        assertThat(normalised(List.of())).isEqualTo(normalisedDocumented(NOTHING));
    }

    private static Map<String, String> documentedDefaults() throws IOException {
        String operations = Files.readString(Path.of(System.getProperty("cmlfleet.docs", "../../docs"),
                "operations.md"));
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(operations.substring(operations.indexOf("## Configuration reference")));
        while (row.find()) {
            rows.put(row.group(1), row.group(2).trim());
        }
        return rows;
    }

    /** Records are groups, anything else a setting; keys in Spring's canonical kebab case. */
    private static void flatten(String prefix, Object value, Map<String, Object> leaves) {
        if (value == null || !value.getClass().isRecord() || !value.getClass().getPackageName().startsWith("io.cmlfleet")) {
            leaves.put(prefix, value);
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            try {
                flatten(prefix + "." + kebab(component.getName()), component.getAccessor().invoke(value), leaves);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String normalised(Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            return NOTHING;
        }
        if (value instanceof Duration duration) {
            return duration.toMillis() + " ms";
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    private static String normalisedDocumented(String documented) {
        String text = documented.replace("`", "").trim();
        Matcher duration = DURATION.matcher(text);
        if (duration.matches()) {
            long amount = Long.parseLong(duration.group(1));
            Duration parsed = switch (duration.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "min" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            return normalised(parsed);
        }
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        return text;
    }
}
