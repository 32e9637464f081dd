package io.cmlfleet.adapters.cml;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterHeaderTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfterHeader.parse(" 42 ", clock)).contains(Duration.ofSeconds(42));
    }

    @Test
    void readsHttpDate() {
        assertThat(RetryAfterHeader.parse("Thu, 1 Jan 2026 12:01:30 GMT", clock)).contains(Duration.ofSeconds(90));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfterHeader.parse("soon", clock)).isEmpty();
        assertThat(RetryAfterHeader.parse("-5", clock)).isEmpty();
        assertThat(RetryAfterHeader.parse(null, clock)).isEmpty();
    }
}
