package io.cmlfleet.domain.worker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One compute host of a CML controller as {@code system_health.computes} reports it (CML 2.9).
 *
 * @param hostname       {@code hostname}, or the compute id when CML gave none
 * @param admissionState {@code admission_state}: CML 2.9 knows {@code UNREGISTERED}, {@code REGISTERED},
 *                       {@code ONLINE} (in the cluster, may not start nodes) and {@code READY} (may start nodes);
 *                       null when not reported
 * @param checks         the compute's boolean readiness checks by their CML name ({@code kvm_vmx_enabled},
 *                       {@code lld_connected}, ...), in CML's order; a check CML reported as null is left out
 */
public record ComputeReadiness(String hostname, String admissionState, Map<String, Boolean> checks) {

    /** The admission state in which a compute may start nodes. */
    public static final String READY = "READY";

    public ComputeReadiness {
        checks = checks == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    public boolean admitted() {
        return READY.equals(admissionState);
    }
}
