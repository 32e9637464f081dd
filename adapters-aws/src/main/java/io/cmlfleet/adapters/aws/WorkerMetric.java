package io.cmlfleet.adapters.aws;

import java.util.Locale;

/** The CloudWatch metrics read for each worker, and how their GetMetricData query ids are formed. */
enum WorkerMetric {
    CPU("cpu", "AWS/EC2", "CPUUtilization"),
    /** Published only when the CloudWatch agent runs on the worker with the InstanceId dimension. */
    MEMORY("mem", "CWAgent", "mem_used_percent");

    private final String queryPrefix;
    private final String namespace;
    private final String metricName;

    WorkerMetric(String queryPrefix, String namespace, String metricName) {
        this.queryPrefix = queryPrefix;
        this.namespace = namespace;
        this.metricName = metricName;
    }

    String namespace() {
        return namespace;
    }

    String metricName() {
        return metricName;
    }

    /**
     * Query ids must start with a lower-case letter and hold only letters, digits and underscores; instance ids
     * ({@code i-} plus hex) stay unique after replacing the dash, e.g. {@code cpu_i_1234567890abcdef0}.
     */
    String queryId(String instanceId) {
        return queryPrefix + "_" + instanceId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
