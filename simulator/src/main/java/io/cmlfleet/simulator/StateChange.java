package io.cmlfleet.simulator;

/** One entry of a Start/Stop/TerminateInstances answer. */
record StateChange(String instanceId, InstanceState previous, InstanceState current) {
}
