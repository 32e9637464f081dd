package io.cmlfleet.domain.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why a CML controller that answers cannot run labs, as a pure function of what its health check reported. Each
 * blocker is one line an operator can act on, e.g. {@code compute cml-compute-2: admission ONLINE, not READY;
 * lld_connected false}. No blocker means the controller can start nodes.
 *
 * <ul>
 *   <li>a compute with a failed check (a flag reported {@code false}) blocks: CML would place nodes on it and fail;</li>
 *   <li>computes that are not {@code READY} block only when no compute is: in a cluster an administrator takes one
 *       host out of placement on purpose ({@code ONLINE}), and the others still run labs; a compute that does not
 *       report its admission state is not evidence either way;</li>
 *   <li>an empty compute list blocks (nothing to run nodes on), an unreported one does not (older CML);</li>
 *   <li>a failed controller check ({@code core_connected false}, ...) blocks;</li>
 *   <li>a launch queue whose oldest node has waited {@link #STUCK_AFTER} or longer blocks: starts hang.</li>
 * </ul>
 */
public final class ControllerReadinessRule {

    /** How long a node may wait in the launch queue before the queue counts as stuck: a cold start takes minutes. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(10);
    private static final int MAX_BLOCKERS = 10;

    private ControllerReadinessRule() {
    }

    public static List<String> blockers(ControllerReadiness readiness) {
        List<String> blockers = new ArrayList<>();
        if (readiness == null) {
            return blockers;
        }
        List<ComputeReadiness> computes = readiness.computes();
        if (computes != null) {
            if (computes.isEmpty()) {
                blockers.add("no compute host reported");
            }
            // An unreported admission state is not evidence of a compute taken out of placement.
            boolean anyAdmitted = computes.stream().anyMatch(c -> c.admitted() || c.admissionState() == null);
            for (ComputeReadiness compute : computes) {
                List<String> problems = new ArrayList<>();
                List<String> failed = failed(compute.checks());
                boolean notAdmitted = compute.admissionState() != null && !compute.admitted();
                if (notAdmitted && (!anyAdmitted || !failed.isEmpty())) {
                    problems.add("admission " + text(compute.admissionState(), "?") + ", not READY");
                }
                problems.addAll(failed);
                if (!problems.isEmpty()) {
                    blockers.add("compute " + text(compute.hostname(), "unnamed") + ": " + String.join("; ", problems));
                }
            }
        }
        List<String> controller = failed(readiness.controllerChecks());
        if (!controller.isEmpty()) {
            blockers.add("controller: " + String.join("; ", controller));
        }
        LaunchQueue queue = readiness.launchQueue();
        if (queue != null && queue.waiting() > 0 && queue.oldestWaited() != null
                && queue.oldestWaited().compareTo(STUCK_AFTER) >= 0) {
            blockers.add("launch queue stuck: " + queue.waiting() + " node" + (queue.waiting() == 1 ? "" : "s")
                    + " waiting, the oldest for " + queue.oldestWaited().toMinutes() + " min");
        }
        return blockers.size() <= MAX_BLOCKERS ? List.copyOf(blockers) : List.copyOf(blockers.subList(0, MAX_BLOCKERS));
    }

    /** The blockers as the one-line error of an ERROR service, e.g. {@code cannot run labs: compute x: ...}; null if none. */
    public static String summary(List<String> blockers) {
        return blockers == null || blockers.isEmpty() ? null : "cannot run labs: " + String.join("; ", blockers);
    }

    private static List<String> failed(Map<String, Boolean> checks) {
        List<String> failed = new ArrayList<>();
        checks.forEach((name, value) -> {
            // "valid" is CML's summary of the other checks: it says nothing new when one of them already failed.
            if (Boolean.FALSE.equals(value) && !"valid".equals(name)) {
                failed.add(text(name, "check") + " false");
            }
        });
        if (failed.isEmpty() && Boolean.FALSE.equals(checks.get("valid"))) {
            failed.add("valid false");
        }
        return failed;
    }

    /** Hostnames and states come from the controller: neutralised and kept short, so a blocker stays one line. */
    private static String text(String value, String fallback) {
        String text = WorkerInputRules.optionalText(value);
        if (text == null) {
            return fallback;
        }
        return text.length() <= 64 ? text : text.substring(0, 63) + "…";
    }
}
