package io.cmlfleet.adapters.aws;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/** One CloudWatch datapoint: a value and the start of the period it summarises. */
record Datapoint(Instant timestamp, double value) {

    /**
     * The newest datapoint of a result, chosen by timestamp rather than position: the order depends on ScanBy
     * and on pagination, and 0.0 is a real reading, so only an absent datapoint means "no data".
     */
    static Datapoint newestOf(MetricDataResult result) {
        List<Instant> timestamps = result.timestamps();
        List<Double> values = result.values();
        Datapoint newest = null;
        for (int i = 0; i < Math.min(timestamps.size(), values.size()); i++) {
            Instant timestamp = timestamps.get(i);
            Double value = values.get(i);
            if (timestamp == null || value == null || value.isNaN()) {
                continue;
            }
            newest = newer(newest, new Datapoint(timestamp, value));
        }
        return newest;
    }

    static Datapoint newer(Datapoint a, Datapoint b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.timestamp.isAfter(a.timestamp) ? b : a;
    }
}
