package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.util.List;

/**
 * What the idle-stop rule decided, and why.
 *
 * @param reason   why the worker is warned or stopped, or why not, in words an operator understands
 * @param events   what to apply, in order: {@code IdleStopCancelled}, {@code IdleStopWarned}, or
 *                 {@code IdleStopTriggered} then the STOP request; empty when nothing changes
 * @param stop     the events stop the worker
 * @param announce the events warn with maintenance mode
 * @param withdraw the events lift a maintenance mode set by an earlier warning
 */
record IdleStopVerdict(String reason, List<WorkerEvent> events, boolean stop, boolean announce, boolean withdraw) {

    IdleStopVerdict {
        events = List.copyOf(events);
    }

    static IdleStopVerdict keepRunning(String reason) {
        return new IdleStopVerdict(reason, List.of(), false, false, false);
    }
}
