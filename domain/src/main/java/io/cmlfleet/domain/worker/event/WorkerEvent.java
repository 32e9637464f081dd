package io.cmlfleet.domain.worker.event;

/**
 * Marker for every event in a CMLWorker's history. Events are the permanent record: once released they are never
 * edited; a change of shape is a new revision with an upcaster.
 */
public interface WorkerEvent {

    /** The worker the event belongs to: the aggregate identifier. */
    String workerId();
}
