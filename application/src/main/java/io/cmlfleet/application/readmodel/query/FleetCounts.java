package io.cmlfleet.application.readmodel.query;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Worker counts. Both maps hold every enum constant (0 when none), so a consumer never has to tell "absent" from
 * "zero", and iterate in enum order.
 *
 * @param totalWorkers    workers counted, terminated ones included (they show under {@code TERMINATED})
 * @param byStatus        workers per {@link WorkerStatus}
 * @param byServiceStatus workers per {@link CmlServiceStatus}
 */
public record FleetCounts(long totalWorkers, Map<WorkerStatus, Long> byStatus,
                          Map<CmlServiceStatus, Long> byServiceStatus) {

    public FleetCounts {
        byStatus = Collections.unmodifiableMap(new EnumMap<>(byStatus));
        byServiceStatus = Collections.unmodifiableMap(new EnumMap<>(byServiceStatus));
    }

    /** Counts with every constant at 0. */
    public static FleetCounts empty() {
        Map<WorkerStatus, Long> byStatus = new EnumMap<>(WorkerStatus.class);
        for (WorkerStatus status : WorkerStatus.values()) {
            byStatus.put(status, 0L);
        }
        Map<CmlServiceStatus, Long> byServiceStatus = new EnumMap<>(CmlServiceStatus.class);
        for (CmlServiceStatus status : CmlServiceStatus.values()) {
            byServiceStatus.put(status, 0L);
        }
        return new FleetCounts(0, byStatus, byServiceStatus);
    }

    /** These counts plus {@code workers} workers in the given status and service status. */
    public FleetCounts plus(WorkerStatus status, CmlServiceStatus serviceStatus, long workers) {
        Map<WorkerStatus, Long> newByStatus = new EnumMap<>(byStatus);
        newByStatus.merge(status, workers, Long::sum);
        Map<CmlServiceStatus, Long> newByServiceStatus = new EnumMap<>(byServiceStatus);
        newByServiceStatus.merge(serviceStatus, workers, Long::sum);
        return new FleetCounts(totalWorkers + workers, newByStatus, newByServiceStatus);
    }

    public long count(WorkerStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    public long count(CmlServiceStatus serviceStatus) {
        return byServiceStatus.getOrDefault(serviceStatus, 0L);
    }
}
