package io.cmlfleet.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The system side of one simulated controller: its telemetry event log (what users did, in CML 2.9's
 * {@code /telemetry/events} categories), its maintenance mode and its system notices. Created on first use, so a
 * fleet of 10,000 idle workers holds none.
 */
final class ControllerSystem {

    /** CML's own service account: its events are the controller's housekeeping. */
    static final String SERVICE_USER = "virl2";
    /** The log is bounded like a real controller's rotation; the oldest events go first. */
    private static final int MAX_EVENTS = 1000;

    record TelemetryEvent(String id, String category, String user, Instant at, String labId) {
    }

    record Notice(String id, String level, String label, String content, boolean enabled) {
    }

    private final List<TelemetryEvent> events = new ArrayList<>();
    private final Map<String, Notice> notices = new LinkedHashMap<>();
    private boolean maintenanceMode;
    private String maintenanceNotice;

    synchronized void record(String category, String user, Instant at, String labId) {
        if (events.size() == MAX_EVENTS) {
            events.remove(0);
        }
        events.add(new TelemetryEvent(UUID.randomUUID().toString(), category, user, at, labId));
    }

    synchronized List<TelemetryEvent> events() {
        return List.copyOf(events);
    }

    synchronized Notice addNotice(String level, String label, String content, boolean enabled) {
        Notice notice = new Notice(UUID.randomUUID().toString(), level, label, content, enabled);
        notices.put(notice.id(), notice);
        return notice;
    }

    synchronized boolean removeNotice(String id) {
        if (id.equals(maintenanceNotice)) {
            maintenanceNotice = null;
        }
        return notices.remove(id) != null;
    }

    synchronized List<Notice> notices() {
        return List.copyOf(notices.values());
    }

    synchronized Optional<Notice> notice(String id) {
        return Optional.ofNullable(id == null ? null : notices.get(id));
    }

    synchronized boolean maintenanceMode() {
        return maintenanceMode;
    }

    synchronized String maintenanceNotice() {
        return maintenanceNotice;
    }

    synchronized void maintenanceMode(boolean on) {
        maintenanceMode = on;
    }

    /** @return false when the notice does not exist */
    synchronized boolean maintenanceNotice(String noticeId) {
        if (noticeId != null && !notices.containsKey(noticeId)) {
            return false;
        }
        maintenanceNotice = noticeId;
        return true;
    }
}
