package io.cmlfleet.application.port.cml;

import io.cmlfleet.domain.worker.UserActivity;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What idle stopping reads from and tells a CML controller: the last user activity in its telemetry, and the
 * warning users see (maintenance mode with a system notice). Failures are {@link CmlAccessException}s.
 */
public interface CmlIdleStopOperations {

    /** The label of the system notice idle stopping posts; a withdrawal removes the notices with this label. */
    String NOTICE_LABEL = "cmlfleet idle stop";

    /**
     * The latest user-driven event of {@code GET /telemetry/events}: of one of {@code categories}, by a user not in
     * {@code excludedUsers}, later than {@code after} (null: any). Empty when there is none.
     */
    Optional<UserActivity> lastUserActivity(CmlTarget target, Set<String> categories, Set<String> excludedUsers,
                                            Instant after) throws CmlAccessException;

    /**
     * Posts a warning notice ({@code POST /system/notices}) and puts the controller in maintenance mode showing it
     * ({@code PATCH /system/maintenance_mode}).
     */
    void announceIdleStop(CmlTarget target, String content) throws CmlAccessException;

    /** Lifts maintenance mode and deletes the notices labelled {@link #NOTICE_LABEL}. */
    void withdrawIdleStop(CmlTarget target) throws CmlAccessException;
}
