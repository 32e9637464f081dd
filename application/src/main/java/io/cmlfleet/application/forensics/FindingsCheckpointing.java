package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.history.EventTypeNames;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.readmodel.projection.CheckpointCompanion;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The findings detectors as the forensic checkpoints' companion fold: the forensic-checkpoints processor runs a
 * {@link FindingsPass} over the whole history of each worker beside its state, and stores it in every checkpoint.
 * The revision names the stored shape and the thresholds: findings asked with other settings (a CLI run with other
 * cadences) find no checkpoint of theirs and fold from the first event.
 */
public final class FindingsCheckpointing implements CheckpointCompanion {

    /** Raise it when a detector's rule or its stored fields change: older checkpoints are then passed over. */
    static final String SHAPE = "1";

    private final ForensicsSettings settings;
    private final String revision;

    public FindingsCheckpointing(ForensicsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.revision = revisionOf(settings);
    }

    /** The shape and a digest of every threshold (a revision fits the column's 64 characters). */
    static String revisionOf(ForensicsSettings settings) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(settings.toString().getBytes(StandardCharsets.UTF_8));
            return SHAPE + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String revision() {
        return revision;
    }

    @Override
    public Fold start(String workerId) {
        return new PassFold(workerId, new FindingsPass(settings, TimeWindow.all()));
    }

    @Override
    public Optional<Fold> resume(String workerId, String json) {
        return FindingsPass.resume(json, settings, TimeWindow.all(), true).map(pass -> new PassFold(workerId, pass));
    }

    /** The whole history's pass: no window, so every event is in it, and the launch is fed every event too. */
    private record PassFold(String workerId, FindingsPass pass) implements Fold {

        @Override
        public void apply(long sequence, Instant at, WorkerEvent event, WorkerState state) {
            RecordedEvent recorded = new RecordedEvent(at, workerId, sequence, EventTypeNames.shortName(event), event,
                    null, null);
            pass.observe(recorded, state);
            pass.observeLaunch(recorded);
        }

        @Override
        public String json() {
            return pass.json();
        }
    }
}
