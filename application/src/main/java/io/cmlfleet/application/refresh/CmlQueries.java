package io.cmlfleet.application.refresh;

import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlControllerClient;
import io.cmlfleet.application.port.cml.CmlLabs;
import io.cmlfleet.application.port.cml.CmlLicensing;
import io.cmlfleet.application.port.cml.CmlSystemInformation;
import io.cmlfleet.application.port.cml.CmlSystemStats;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.RefreshStage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The four CML calls of one refresh — system information, stats, licensing, labs — made at the same time: they do not
 * depend on each other, so a refresh waits for the slowest, not for their sum. Each call is bounded by the adapter's
 * connect and read timeouts, so waiting for all of them is bounded too. System information the health check of the
 * same refresh already read is taken as it is, not asked for again.
 */
final class CmlQueries {

    /** What the calls answered; a failed call leaves its answer null and its failure set. */
    record Answers(CmlSystemInformation information, CmlSystemStats stats, CmlLicensing licensing, CmlLabs labs,
                   Failure informationFailure, Failure statsFailure, Failure licensingFailure, Failure labsFailure) {

        boolean nothingLearned() {
            return information == null && stats == null && licensing == null && labs == null;
        }
    }

    /** A failed call: its stage and the adapter's failure. */
    record Failure(RefreshStage stage, CmlAccessException cause) {
    }

    private final CmlControllerClient cml;
    private final Executor calls;

    CmlQueries(CmlControllerClient cml, Executor calls) {
        this.cml = cml;
        this.calls = calls;
    }

    /** @param alreadyRead the system information this refresh's health check read a moment ago, or null */
    Answers ask(CmlTarget target, boolean includeLabStates, CmlSystemInformation alreadyRead) {
        CompletableFuture<Object> information = alreadyRead != null
                ? CompletableFuture.completedFuture(alreadyRead)
                : start(RefreshStage.CML_INFORMATION, () -> cml.systemInformation(target));
        CompletableFuture<Object> stats = start(RefreshStage.CML_STATS, () -> cml.systemStats(target));
        CompletableFuture<Object> licensing = start(RefreshStage.CML_LICENSING, () -> cml.licensing(target));
        // The last call runs in the refresh's own thread: one thread fewer per refresh, and no hand-off to wait for.
        Object labs = call(RefreshStage.CML_LABS, () -> cml.labs(target, includeLabStates));
        Object informationAnswer = information.join();
        Object statsAnswer = stats.join();
        Object licensingAnswer = licensing.join();
        return new Answers(
                value(informationAnswer, CmlSystemInformation.class), value(statsAnswer, CmlSystemStats.class),
                value(licensingAnswer, CmlLicensing.class), value(labs, CmlLabs.class),
                failure(informationAnswer), failure(statsAnswer), failure(licensingAnswer), failure(labs));
    }

    private CompletableFuture<Object> start(RefreshStage stage, Supplier<Object> call) {
        try {
            return CompletableFuture.supplyAsync(() -> call(stage, call), calls);
        } catch (RejectedExecutionException stopping) {
            return CompletableFuture.completedFuture(call(stage, call));
        }
    }

    /** The call's answer, or its {@link Failure}: never throws, so one failed call leaves the others' answers. */
    private static Object call(RefreshStage stage, Supplier<Object> call) {
        try {
            return call.get();
        } catch (CmlAccessException e) {
            return new Failure(stage, e);
        }
    }

    private static <T> T value(Object answer, Class<T> type) {
        return type.isInstance(answer) ? type.cast(answer) : null;
    }

    private static Failure failure(Object answer) {
        return answer instanceof Failure failure ? failure : null;
    }
}
