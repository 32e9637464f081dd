package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.util.List;

/**
 * What the idle-stop rule decided: stop, with the events that record it, or keep running, and why.
 *
 * @param reason why the worker is stopped, or why not, in words an operator understands
 * @param events what to apply: {@code IdleStopTriggered} then the STOP request; empty when the worker keeps running
 */
record IdleStopVerdict(String reason, List<WorkerEvent> events) {

    IdleStopVerdict {
        events = List.copyOf(events);
    }

    static IdleStopVerdict keepRunning(String reason) {
        return new IdleStopVerdict(reason, List.of());
    }

    boolean stop() {
        return !events.isEmpty();
    }
}
