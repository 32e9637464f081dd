package io.cmlfleet.domain.worker;

/**
 * What happened to one stage in one refresh, e.g. {@code CML_STATS SKIPPED "CML service is UNAVAILABLE, not
 * AVAILABLE"}. Kept in the history so that a post-mortem can tell why the CML API was or was not called.
 *
 * @param stage  the stage
 * @param result ran, skipped or failed
 * @param detail why it was skipped or how it failed; {@code null} when it ran
 */
public record RefreshStageOutcome(RefreshStage stage, StageResult result, String detail) {

    public static RefreshStageOutcome ran(RefreshStage stage) {
        return new RefreshStageOutcome(stage, StageResult.RAN, null);
    }

    public static RefreshStageOutcome skipped(RefreshStage stage, String why) {
        return new RefreshStageOutcome(stage, StageResult.SKIPPED, why);
    }

    public static RefreshStageOutcome failed(RefreshStage stage, String how) {
        return new RefreshStageOutcome(stage, StageResult.FAILED, how);
    }
}
