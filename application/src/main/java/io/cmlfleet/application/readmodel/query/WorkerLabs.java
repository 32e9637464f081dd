package io.cmlfleet.application.readmodel.query;

import java.util.List;

/** The labs of one worker as the read model knows them, ordered by title then id. */
public record WorkerLabs(String workerId, List<LabView> labs) {

    public WorkerLabs {
        labs = List.copyOf(labs);
    }
}
