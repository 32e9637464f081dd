package io.cmlfleet.application.monitoring;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerOrigin;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.time.Instant;
import java.util.Map;

/** Worker events as the monitoring saga sees them, with only the fields that matter to it varying. */
final class MonitoringEvents {

    static final String REGION = "eu-west-1";
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private MonitoringEvents() {
    }

    static String instanceOf(String workerId) {
        return "i-0123456789abcdef" + Math.abs(workerId.hashCode() % 10);
    }

    static WorkerCreated created(String workerId) {
        return new WorkerCreated(workerId, "lab " + workerId, REGION, instanceOf(workerId), "c5.2xlarge",
                                 "ami-0123456789abcdef0", "cml-2.8", Map.of(), "operator", WorkerOrigin.REGISTERED, AT);
    }

    static StatusChanged status(String workerId, WorkerStatus from, WorkerStatus to) {
        return new StatusChanged(workerId, from, to, to.name().toLowerCase(), "EC2 reported a change", AT);
    }

    static ServiceHealthEvaluated health(String workerId, CmlServiceStatus from, CmlServiceStatus to) {
        return new ServiceHealthEvaluated(workerId, "https://203.0.113.7", from, to, to == CmlServiceStatus.AVAILABLE,
                                          true, false, null, 42, AT);
    }

    static ServiceMarkedUnavailable serviceLost(String workerId) {
        return new ServiceMarkedUnavailable(workerId, CmlServiceStatus.AVAILABLE, "worker left RUNNING", AT);
    }

    static WorkerTerminated terminated(String workerId) {
        return new WorkerTerminated(workerId, "EC2 reported terminated", AT);
    }
}
