package io.cmlfleet.domain.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The input rules of lab commands, next to {@link WorkerInputRules}: what a caller chooses (lab id, title, topology)
 * is refused when malformed; what the controller reports about its labs is neutralised and bounded like other
 * adapter-reported text, so that a hostile lab title cannot forge a timeline line.
 */
public final class LabInputRules {

    /** CML lab ids are UUIDs; older controllers used short ids. Letters, digits, '-' and '_', at most 64. */
    private static final Pattern LAB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** Bounded by the read model's title column. */
    static final int MAX_TITLE_LENGTH = 255;
    private static final int MAX_OWNER_LENGTH = 128;
    private static final int MAX_STATE_LENGTH = 32;
    /** A topology YAML larger than this is refused before it is sent: CML's own import limit is of this order. */
    public static final int MAX_TOPOLOGY_BYTES = 4 * 1024 * 1024;
    /** More labs than this in one listing is not a controller but a fault. */
    public static final int MAX_LABS = 10_000;

    private LabInputRules() {
    }

    public static String labId(String field, String value) {
        String id = WorkerInputRules.required(field, value);
        if (!LAB_ID.matcher(id).matches()) {
            throw new InvalidWorkerInputException(field, "must be 1-64 characters of letters, digits, '-' or '_',"
                    + " starting with a letter or digit, like CML's lab ids (got " + id.length() + " characters)");
        }
        return id;
    }

    /** The lab id an action names: required for every action but IMPORT, absent for IMPORT. */
    public static String labIdFor(LabAction action, String value) {
        if (action.needsLabId()) {
            return labId("labId", value);
        }
        if (value != null) {
            throw new InvalidWorkerInputException("labId", "must be absent for IMPORT: CML chooses the new lab's id");
        }
        return null;
    }

    /** A title the caller chose for an import: no control characters, no surrounding whitespace, at most 255. */
    public static String title(String field, String value) {
        return TextRules.maxLength(field, WorkerInputRules.required(field, value), MAX_TITLE_LENGTH);
    }

    /** The topology YAML of an import: present, not blank, at most {@link #MAX_TOPOLOGY_BYTES} bytes. */
    public static String topology(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidWorkerInputException(field, "must not be blank: give the lab's topology YAML");
        }
        int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_TOPOLOGY_BYTES) {
            throw new InvalidWorkerInputException(field, "must be at most " + MAX_TOPOLOGY_BYTES + " bytes (got "
                    + bytes + ")");
        }
        return value;
    }

    /** A lab the controller reported: its id must be well-formed, its text is neutralised and bounded. */
    public static LabFacts labFacts(String field, LabFacts lab) {
        WorkerInputRules.required(field, lab);
        return new LabFacts(labId(field + ".labId", lab.labId()),
                bounded(lab.title(), MAX_TITLE_LENGTH),
                bounded(lab.owner(), MAX_OWNER_LENGTH),
                bounded(lab.state(), MAX_STATE_LENGTH),
                WorkerInputRules.optionalNonNegative(field + ".nodeCount", lab.nodeCount()),
                WorkerInputRules.optionalNonNegative(field + ".linkCount", lab.linkCount()),
                lab.createdAt());
    }

    public static List<LabFacts> labFacts(String field, List<LabFacts> labs) {
        WorkerInputRules.required(field, labs);
        if (labs.size() > MAX_LABS) {
            throw new InvalidWorkerInputException(field, "must list at most " + MAX_LABS + " labs (got "
                    + labs.size() + ")");
        }
        List<LabFacts> checked = new ArrayList<>(labs.size());
        for (int i = 0; i < labs.size(); i++) {
            checked.add(labFacts(field + "[" + i + "]", labs.get(i)));
        }
        return List.copyOf(checked);
    }

    /** A lab title as recorded: the controller's (or the caller's, already checked), neutralised and bounded. */
    public static String reportedTitle(String title) {
        return bounded(title, MAX_TITLE_LENGTH);
    }

    private static String bounded(String reported, int max) {
        String text = WorkerInputRules.optionalText(reported);
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
