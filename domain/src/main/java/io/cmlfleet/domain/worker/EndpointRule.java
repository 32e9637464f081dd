package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a worker's CML answers, and when what is known about the service behind it stops being true.
 *
 * <ul>
 *   <li>While RUNNING, a worker with a public IP and no endpoint gets {@code https://<public-ip>} (AUTO); an AUTO
 *       endpoint follows the public IP and goes when the IP is released.</li>
 *   <li>Leaving RUNNING takes the AUTO endpoint with it (the public IP goes too).</li>
 *   <li>A MANUAL endpoint is the operator's: it is never overwritten or cleared by the rules above.</li>
 *   <li>Whenever the endpoint changes or the worker leaves RUNNING, the last health check no longer describes the
 *       service, so it is marked UNAVAILABLE until the next one.</li>
 * </ul>
 *
 * <p>Each method reads the state and returns the events to apply, in order; none changes the state.
 */
final class EndpointRule {

    /** Who populates an AUTO endpoint. */
    private static final String AUTO_POPULATION = "auto-population";

    private EndpointRule() {
    }

    /**
     * What an EC2 observation or a termination means for the endpoint, read on the state after its own events
     * (new status and addresses).
     *
     * @param statusBefore the worker's status before the observation
     */
    static List<WorkerEvent> followStatusAndPublicIp(WorkerState state, WorkerStatus statusBefore, Instant at) {
        if (statusBefore == WorkerStatus.RUNNING && state.status() != WorkerStatus.RUNNING) {
            return leaveRunning(state, at);
        }
        if (state.status() == WorkerStatus.RUNNING) {
            return followPublicIp(state, at);
        }
        return List.of();
    }

    /** An operator sets the endpoint; setting the same MANUAL endpoint again changes nothing. */
    static List<WorkerEvent> setManually(WorkerState state, String endpoint, String setBy, Instant at) {
        boolean endpointChanges = !endpoint.equals(state.endpoint());
        if (!endpointChanges && state.endpointSource() == EndpointSource.MANUAL) {
            return List.of();
        }
        List<WorkerEvent> events = new ArrayList<>();
        events.add(new EndpointPopulated(state.workerId(), endpoint, state.publicIp(), EndpointSource.MANUAL, setBy,
                at));
        // Taking over the AUTO endpoint as MANUAL keeps the service status: the same controller answers there.
        if (endpointChanges) {
            markServiceUnavailable(state, "endpoint changed to " + endpoint + " by " + setBy, at, events);
        }
        return events;
    }

    /** An operator clears the endpoint, AUTO or MANUAL; with no endpoint there is nothing to clear. */
    static List<WorkerEvent> clearByOperator(WorkerState state, String clearedBy, String reason, Instant at) {
        if (state.endpoint() == null) {
            return List.of();
        }
        String why = "cleared by " + clearedBy + (reason == null ? "" : ": " + reason);
        List<WorkerEvent> events = new ArrayList<>();
        events.add(new EndpointCleared(state.workerId(), state.endpoint(), state.endpointSource(), why, at));
        markServiceUnavailable(state, "endpoint " + why, at, events);
        return events;
    }

    /** {@code https://<ip>}; IPv6 literals go in brackets as URLs require. */
    static String httpsEndpointFor(String publicIp) {
        return publicIp.indexOf(':') >= 0 ? "https://[" + publicIp + "]" : "https://" + publicIp;
    }

    private static List<WorkerEvent> leaveRunning(WorkerState state, Instant at) {
        String why = "worker left RUNNING (now " + state.status() + ")";
        List<WorkerEvent> events = new ArrayList<>();
        if (state.endpointSource() == EndpointSource.AUTO) {
            events.add(new EndpointCleared(state.workerId(), state.endpoint(), EndpointSource.AUTO, why, at));
        }
        // Even a MANUAL endpoint, kept across the stop, has no service behind it now.
        markServiceUnavailable(state, why, at, events);
        return events;
    }

    private static List<WorkerEvent> followPublicIp(WorkerState state, Instant at) {
        if (state.endpointSource() == EndpointSource.MANUAL) {
            return List.of();
        }
        List<WorkerEvent> events = new ArrayList<>();
        String publicIp = state.publicIp();
        if (publicIp == null) {
            if (state.endpointSource() == EndpointSource.AUTO) {
                events.add(new EndpointCleared(state.workerId(), state.endpoint(), EndpointSource.AUTO,
                        "public IP released", at));
                markServiceUnavailable(state, "public IP released", at, events);
            }
            return events;
        }
        String derived = httpsEndpointFor(publicIp);
        if (derived.equals(state.endpoint())) {
            return events;
        }
        events.add(new EndpointPopulated(state.workerId(), derived, publicIp, EndpointSource.AUTO, AUTO_POPULATION,
                at));
        if (state.endpoint() != null) {
            markServiceUnavailable(state, "public IP changed to " + publicIp, at, events);
        }
        return events;
    }

    private static void markServiceUnavailable(WorkerState state, String reason, Instant at,
                                               List<WorkerEvent> events) {
        if (state.serviceStatus() != CmlServiceStatus.UNAVAILABLE) {
            events.add(new ServiceMarkedUnavailable(state.workerId(), state.serviceStatus(), reason, at));
        }
    }
}
