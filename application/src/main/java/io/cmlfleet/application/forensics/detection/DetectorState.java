package io.cmlfleet.application.forensics.detection;

/**
 * Which fields of a detector a findings checkpoint carries ({@code @JsonView} on the field), so a pass can resume
 * where the checkpoint left off instead of at the first event. A detector field that is in neither view is a
 * setting or the window, given again by whoever resumes.
 */
public final class DetectorState {

    private DetectorState() {
    }

    /**
     * What a detector remembers whatever the window (the last heartbeat, an open stretch, the last stop request):
     * enough to resume for a window that starts after every event the checkpoint folded, where nothing was found.
     */
    public interface Context {
    }

    /** Context and what was found so far: resumed for a window that starts at the first event. */
    public interface Found extends Context {
    }
}
