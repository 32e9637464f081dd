package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold that both the aggregate and forensics use to know what was known at a point in the history. */
class WorkerStateTest {

    @Test
    void replayingAHistoryGivesTheStateItDescribes() {
        WorkerState state = WorkerState.replay(events(runningAndAvailable()));

        assertThat(state.workerId()).isEqualTo(WORKER);
        assertThat(state.instanceId()).isEqualTo(INSTANCE);
        assertThat(state.status()).isEqualTo(WorkerStatus.RUNNING);
        assertThat(state.publicIp()).isEqualTo(PUBLIC_IP);
        assertThat(state.endpoint()).isEqualTo("https://" + PUBLIC_IP);
        assertThat(state.endpointSource()).isEqualTo(EndpointSource.AUTO);
        assertThat(state.serviceStatus()).isEqualTo(CmlServiceStatus.AVAILABLE);
        assertThat(state.refreshGate().queryCmlApi()).isTrue();
    }

    @Test
    void aPrefixOfTheHistoryGivesTheEarlierState() {
        List<WorkerEvent> history = new ArrayList<>(events(runningAndAvailable()));
        history.add(new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.STOPPING, "stopping", "r", T2));
        history.add(new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE, "left RUNNING", T2));

        WorkerState before = WorkerState.replay(history.subList(0, history.size() - 2));
        WorkerState after = WorkerState.replay(history);

        assertThat(before.refreshGate().queryCmlApi()).isTrue();
        assertThat(after.status()).isEqualTo(WorkerStatus.STOPPING);
        assertThat(after.refreshGate().cmlQuerySkipReason())
                .isEqualTo("worker is STOPPING, not RUNNING; CML service is UNAVAILABLE, not AVAILABLE");
    }

    private static List<WorkerEvent> events(Object[] history) {
        return Arrays.stream(history).map(WorkerEvent.class::cast).toList();
    }
}
