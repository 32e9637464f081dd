package io.cmlfleet.application.monitoring;

import io.cmlfleet.application.refresh.RefreshWorker;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.axonframework.commandhandling.CommandHandler;

/** Stands in for the refresh pipeline: remembers every RefreshWorker it receives. */
public class RecordingRefreshHandler {

    private final Queue<RefreshWorker> received = new ConcurrentLinkedQueue<>();

    @CommandHandler
    public void handle(RefreshWorker command) {
        received.add(command);
    }

    List<RefreshWorker> received() {
        return List.copyOf(received);
    }

    long countFor(String workerId) {
        return received.stream().filter(command -> command.workerId().equals(workerId)).count();
    }
}
