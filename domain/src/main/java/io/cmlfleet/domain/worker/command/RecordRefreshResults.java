package io.cmlfleet.domain.worker.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Everything one refresh learned after its EC2 observation, recorded in one command so that a steady refresh costs
 * two commands (this and {@link RecordEc2Observation}) instead of one per stage. The parts are recorded in the order
 * a refresh takes them — health, CML facts, stage failures, telemetry, idleness, completion — each by the same rule
 * as its own command, so the history is the same as if they had been sent one by one.
 *
 * @param workerId                 the worker
 * @param checkedEndpoint          the endpoint the health check and CML calls went to; when the worker's endpoint
 *                                 changed meanwhile, their results are discarded (they describe another endpoint)
 * @param health                   the health check's result, or null when it did not run
 * @param cmlStats                 the CML facts, or null when the CML API was not queried or every call failed
 * @param failures                 the stages that failed, in the order they failed
 * @param telemetry                the CloudWatch sample, or null when there was none
 * @param telemetryMinChangePoints a sample is recorded only when CPU or memory moved by at least this many
 *                                 percentage points since the last recorded one (or a threshold was crossed);
 *                                 0 records every new sample
 * @param idleCheck                the idle-stop evaluation to make after everything else, or null
 * @param completed                the refresh's completion with its stage outcomes; the aggregate corrects the
 *                                 outcomes of parts it discards
 */
public record RecordRefreshResults(
        @TargetAggregateIdentifier String workerId,
        String checkedEndpoint,
        RecordHealthEvaluation health,
        RecordCmlStats cmlStats,
        List<RecordRefreshFailure> failures,
        RecordTelemetry telemetry,
        double telemetryMinChangePoints,
        EvaluateIdleness idleCheck,
        RecordRefreshCompleted completed) {

    public RecordRefreshResults {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
