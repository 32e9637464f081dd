package io.cmlfleet.domain.worker;

/**
 * What the CML controller told us about itself in one refresh: {@code system_information}, {@code system_stats},
 * {@code licensing} and {@code labs}. Each fact is nullable: {@code null} means "not learned in this refresh"
 * (its sub-stage failed or was skipped), which is different from zero.
 *
 * @param version              CML version, e.g. {@code 2.9.1+build.7}
 * @param ready                whether the controller reports itself ready
 * @param licensed             whether the controller is licensed
 * @param enterprise           whether the licence is an enterprise licence
 * @param registrationStatus   Smart Licensing registration status, e.g. {@code COMPLETED}
 * @param authorizationStatus  Smart Licensing authorization status, e.g. {@code IN_COMPLIANCE}
 * @param labsCount            number of labs on the controller
 * @param nodesRunning         running nodes summed over all computes
 * @param nodesTotal           defined nodes summed over all computes
 * @param allocatedCpus        vCPUs allocated to nodes, summed over all computes
 * @param allocatedMemoryKib   memory allocated to nodes in KiB (CML's {@code dominfo.allocated_memory}), summed
 * @param uptimeSeconds        controller uptime in seconds, when the controller reports it
 */
public record CmlFacts(
        String version,
        Boolean ready,
        Boolean licensed,
        Boolean enterprise,
        String registrationStatus,
        String authorizationStatus,
        Integer labsCount,
        Integer nodesRunning,
        Integer nodesTotal,
        Integer allocatedCpus,
        Long allocatedMemoryKib,
        Long uptimeSeconds) {

    /**
     * The same facts without the ones that change on every call by themselves (uptime), used to decide whether a
     * new observation says anything new.
     */
    public CmlFacts withoutVolatileFacts() {
        return new CmlFacts(version, ready, licensed, enterprise, registrationStatus, authorizationStatus, labsCount,
                nodesRunning, nodesTotal, allocatedCpus, allocatedMemoryKib, null);
    }
}
