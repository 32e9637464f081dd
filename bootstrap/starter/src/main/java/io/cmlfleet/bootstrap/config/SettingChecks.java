package io.cmlfleet.bootstrap.config;

import java.net.URI;
import java.time.Duration;

/**
 * The checks the settings records run in their compact constructors, that is while Spring Boot binds them: a bad value
 * then fails startup at once, naming the property as the operator wrote it, rather than later inside some bean's
 * creation under a stack trace. Durations are printed as they are usually written ({@code 10m}, not {@code PT10M}).
 */
public final class SettingChecks {

    private SettingChecks() {
    }

    public static Duration positive(String property, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new InvalidSettingException(property,
                    property + " (" + format(value) + ") must be longer than 0, e.g. 30s or 5m");
        }
        return value;
    }

    public static Duration notNegative(String property, Duration value) {
        if (value.isNegative()) {
            throw new InvalidSettingException(property,
                    property + " (" + format(value) + ") must not be negative (0 or more, e.g. 10s)");
        }
        return value;
    }

    public static void notLonger(String property, Duration value, String limitProperty, Duration limit) {
        if (value.compareTo(limit) > 0) {
            throw new InvalidSettingException(property, property + " (" + format(value)
                    + ") must not be longer than " + limitProperty + " (" + format(limit) + ")");
        }
    }

    public static long atLeast(String property, long value, long minimum) {
        if (value < minimum) {
            throw new InvalidSettingException(property, property + " (" + value + ") must be at least " + minimum);
        }
        return value;
    }

    public static double percent(String property, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new InvalidSettingException(property,
                    property + " (" + value + ") must be a percentage between 0 and 100");
        }
        return value;
    }

    /** Only names the property: the value may be a secret. */
    public static String required(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(property, property + " must be set");
        }
        return value;
    }

    public static void httpUrl(String property, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below, like any other unusable value
        }
        throw new InvalidSettingException(property,
                property + " (" + value + ") must be an absolute http or https URL, e.g. https://ec2.eu-west-1.amazonaws.com");
    }

    /** {@code 10m}, {@code 90s}, {@code 1500ms}: the largest unit that represents the duration exactly. */
    static String format(Duration value) {
        long millis = value.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
