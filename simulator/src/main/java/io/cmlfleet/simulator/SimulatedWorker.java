package io.cmlfleet.simulator;

/**
 * One simulated instance as the application would import it.
 *
 * @param instanceId   the EC2 instance id
 * @param region       its region
 * @param address      the loopback address that becomes its public IP once it runs; null when it never gets one
 * @param traits       how its CML controller behaves
 */
public record SimulatedWorker(String instanceId, String region, String address, InstanceTraits traits) {
}
