package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.event.InstanceStatusChecksChanged;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an EC2 observation changes in the facts about the instance: its status, its addresses, its status checks.
 * Only what differs from the state is recorded, so an observation that changes nothing records nothing. What
 * follows for the endpoint is the {@link EndpointRule}'s, and then {@link #termination} ends a terminated worker,
 * both read on the state after these changes.
 */
final class Ec2ObservationRule {

    private Ec2ObservationRule() {
    }

    /**
     * The events for what the observation changes, in the order status, addresses, status checks.
     *
     * @param observation an observation the command handler validated and normalised
     */
    static List<WorkerEvent> changes(WorkerState state, RecordEc2Observation observation) {
        List<WorkerEvent> changes = new ArrayList<>();
        WorkerStatus from = state.status();
        WorkerStatus to = WorkerStatus.fromEc2State(observation.ec2State(), observation.ec2StateCode());
        if (to != from) {
            changes.add(new StatusChanged(state.workerId(), from, to, observation.ec2State(),
                    "EC2 reported instance state '" + observation.ec2State() + "'", observation.observedAt()));
        }
        if (!Objects.equals(observation.publicIp(), state.publicIp())
                || !Objects.equals(observation.privateIp(), state.privateIp())) {
            changes.add(new NetworkAddressesChanged(state.workerId(), state.publicIp(), observation.publicIp(),
                    state.privateIp(), observation.privateIp(), observation.observedAt()));
        }
        // A missing status check means "not observed this time" (DescribeInstances alone carries none), not a change.
        String systemCheck = orKnown(observation.systemStatusCheck(), state.systemStatusCheck());
        String instanceCheck = orKnown(observation.instanceStatusCheck(), state.instanceStatusCheck());
        if (!Objects.equals(systemCheck, state.systemStatusCheck())
                || !Objects.equals(instanceCheck, state.instanceStatusCheck())) {
            changes.add(new InstanceStatusChecksChanged(state.workerId(), systemCheck, instanceCheck,
                    observation.observedAt()));
        }
        return changes;
    }

    /** EC2 reporting the instance terminated ends the worker; read on the state after the observation's changes. */
    static List<WorkerEvent> termination(WorkerState state, RecordEc2Observation observation) {
        if (state.status() != WorkerStatus.TERMINATED) {
            return List.of();
        }
        return List.of(new WorkerTerminated(state.workerId(), "EC2 reported the instance terminated",
                observation.observedAt()));
    }

    private static String orKnown(String observed, String known) {
        return observed != null ? observed : known;
    }
}
