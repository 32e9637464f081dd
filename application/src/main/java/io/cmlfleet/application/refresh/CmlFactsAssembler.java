package io.cmlfleet.application.refresh;

import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlLabs;
import io.cmlfleet.application.port.cml.CmlLicensing;
import io.cmlfleet.application.port.cml.CmlSystemInformation;
import io.cmlfleet.application.port.cml.CmlSystemStats;
import io.cmlfleet.domain.worker.CmlFacts;
import java.util.Set;

/**
 * Turns what the CML API said in one refresh into {@link CmlFacts}. A call that failed leaves its facts null
 * ("not learned this refresh"); the licence flags prefer {@code system_health}'s answer and fall back to licensing.
 */
final class CmlFactsAssembler {

    /** Smart Licensing authorization states in which the controller counts as licensed. */
    private static final Set<String> LICENSED_AUTHORIZATIONS = Set.of("IN_COMPLIANCE", "AUTHORIZED",
            "EVAL", "EVALUATION");

    private CmlFactsAssembler() {
    }

    static CmlFacts assemble(CmlSystemInformation information, CmlSystemStats stats, CmlLicensing licensing,
                             CmlLabs labs, CmlHealthReport health) {
        Boolean licensed = health != null && health.licensed() != null ? health.licensed()
                : licensing == null || licensing.authorizationStatus() == null ? null
                : LICENSED_AUTHORIZATIONS.contains(licensing.authorizationStatus());
        Boolean enterprise = health != null && health.enterprise() != null ? health.enterprise()
                : licensing == null ? null : licensing.enterprise();
        return new CmlFacts(
                information == null ? null : information.version(),
                information == null ? null : information.ready(),
                licensed,
                enterprise,
                licensing == null ? null : licensing.registrationStatus(),
                licensing == null ? null : licensing.authorizationStatus(),
                labs == null ? null : labs.count(),
                stats == null ? null : toInt(stats.nodesRunning()),
                stats == null ? null : toInt(stats.nodesTotal()),
                stats == null ? null : toInt(stats.cpusAllocated()),
                stats == null ? null : stats.memoryAllocatedKib(),
                null);
    }

    private static Integer toInt(Long value) {
        return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }
}
