package io.cmlfleet.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests each operation received, for tests and benchmarks that assert on work done rather than on
 * time. Keys: EC2 actions ({@code DescribeInstances}), {@code GetMetricData}, CML calls
 * ({@code cml:GET /system_health}, {@code cml:GET /labs/{id}/state}), new TLS connections to CML
 * ({@code tls:connections}) and injected faults ({@code fault:throttled},
 * {@code fault:cml-503}, {@code fault:cml-booting}).
 */
public final class RequestCounters {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();

    void increment(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** A request under this key began; with {@link #left} it tracks how many ran at once. */
    void entered(String key) {
        int now = inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        mostInFlight.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    }

    void left(String key) {
        inFlight.get(key).decrementAndGet();
    }

    /** The most requests under this key that were being answered at the same time since the last reset. */
    public int mostInFlight(String key) {
        AtomicInteger most = mostInFlight.get(key);
        return most == null ? 0 : most.get();
    }

    public long count(String key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }

    /** Sum over every key starting with the prefix, e.g. {@code "cml:"}. */
    public long countStartingWith(String prefix) {
        return counts.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, adder) -> copy.put(key, adder.sum()));
        return copy;
    }

    public void reset() {
        counts.clear();
        mostInFlight.clear();
    }
}
