package io.cmlfleet.simulator;

import java.time.Duration;
import java.util.List;

/**
 * What makes one simulated worker different from the others; drawn once from the fleet seed and then fixed, so the
 * same profile always yields the same fleet.
 *
 * @param slow            CML answers after {@link FleetProfile#slowResponseDelay()}
 * @param flaky           CML answers some requests with 503 (every {@link FleetProfile#flakyFailureEvery()}-th)
 * @param unlicensed      {@code is_licensed: false} and licensing not registered
 * @param publicIp        whether EC2 ever gives this instance a public IP (without one, CML cannot be reached)
 * @param cmlBootDelay    how long after reaching {@code running} the controller stays in its 502 boot phase
 * @param labNodeCounts   node count per lab on the controller; empty for an idle worker
 * @param labsStarted     per lab, whether it runs (STARTED) or is only defined (STOPPED)
 * @param baseCpuPercent  average CPU load around which the load curve swings
 * @param baseMemPercent  average memory use around which the memory curve swings
 * @param loadPhase       phase of the load curve in radians, so workers do not peak together
 * @param notAdmitted     the controller's compute starts in admission state {@code ONLINE} (in the cluster, may not
 *                        start nodes) instead of {@code READY}; {@link SimulatedFleet#setComputeAdmission} changes it
 * @param licenceExpired  licensing in the shape of the recorded CML 2.9 controller whose authorization expired and
 *                        whose last renewal failed, while CML still says IN_COMPLIANCE
 */
public record InstanceTraits(
        boolean slow,
        boolean flaky,
        boolean unlicensed,
        boolean publicIp,
        Duration cmlBootDelay,
        List<Integer> labNodeCounts,
        List<Boolean> labsStarted,
        double baseCpuPercent,
        double baseMemPercent,
        double loadPhase,
        boolean notAdmitted,
        boolean licenceExpired) {

    public InstanceTraits {
        labNodeCounts = List.copyOf(labNodeCounts);
        labsStarted = List.copyOf(labsStarted);
        if (labNodeCounts.size() != labsStarted.size()) {
            throw new IllegalArgumentException("one started flag per lab");
        }
    }

    /** Nodes of the labs that are started; these run as VMs and load the host. */
    public int runningNodes() {
        int nodes = 0;
        for (int i = 0; i < labNodeCounts.size(); i++) {
            if (labsStarted.get(i)) {
                nodes += labNodeCounts.get(i);
            }
        }
        return nodes;
    }

    public int totalNodes() {
        return labNodeCounts.stream().mapToInt(Integer::intValue).sum();
    }
}
