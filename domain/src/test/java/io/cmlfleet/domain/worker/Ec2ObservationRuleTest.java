package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.event.InstanceStatusChecksChanged;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import org.junit.jupiter.api.Test;

/** What an EC2 observation changes: only what differs from the state is recorded. */
class Ec2ObservationRuleTest {

    @Test
    void aNewStatusAndNewAddressesAreRecordedInThatOrder() {
        assertThat(Ec2ObservationRule.changes(stateAfter(created()), observation("running", 16, PUBLIC_IP, null)))
                .containsExactly(
                        new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running",
                                "EC2 reported instance state 'running'", T2),
                        new NetworkAddressesChanged(WORKER, null, PUBLIC_IP, null, PRIVATE_IP, T2));
    }

    @Test
    void theStateCodeWinsOverTheNameButTheNameIsWhatIsQuoted() {
        assertThat(Ec2ObservationRule.changes(stateAfter(runningWithAutoEndpoint()),
                observation("Stopped-ish", 80, PUBLIC_IP, null)))
                .containsExactly(new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.STOPPED, "Stopped-ish",
                        "EC2 reported instance state 'Stopped-ish'", T2));
    }

    @Test
    void anObservationThatChangesNothingRecordsNothing() {
        assertThat(Ec2ObservationRule.changes(stateAfter(runningWithAutoEndpoint()),
                observation("running", 16, PUBLIC_IP, null))).isEmpty();
    }

    @Test
    void aMissingStatusCheckIsNotObservedRatherThanChanged() {
        WorkerState state = stateAfter(plus(runningWithAutoEndpoint(),
                new InstanceStatusChecksChanged(WORKER, "initializing", "initializing", T0)));

        assertThat(Ec2ObservationRule.changes(state, observation("running", 16, PUBLIC_IP, null))).isEmpty();
        assertThat(Ec2ObservationRule.changes(state, observation("running", 16, PUBLIC_IP, "ok")))
                .containsExactly(new InstanceStatusChecksChanged(WORKER, "ok", "initializing", T2));
    }

    @Test
    void onlyATerminatedInstanceEndsTheWorker() {
        WorkerState terminated = stateAfter(plus(runningWithAutoEndpoint(), new StatusChanged(WORKER,
                WorkerStatus.RUNNING, WorkerStatus.TERMINATED, "terminated", "r", T2)));

        assertThat(Ec2ObservationRule.termination(terminated, observation("terminated", 48, null, null)))
                .containsExactly(new WorkerTerminated(WORKER, "EC2 reported the instance terminated", T2));
        assertThat(Ec2ObservationRule.termination(stateAfter(runningWithAutoEndpoint()),
                observation("running", 16, PUBLIC_IP, null))).isEmpty();
    }

    private static RecordEc2Observation observation(String ec2State, Integer code, String publicIp,
                                                    String systemCheck) {
        return new RecordEc2Observation(WORKER, ec2State, code, publicIp, PRIVATE_IP, systemCheck, null, T2);
    }
}
