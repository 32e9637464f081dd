package io.cmlfleet.application.refresh;

/** The aggregate refused a refresh's observation because of the worker's state (e.g. it was terminated meanwhile). */
class WorkerRejected extends RuntimeException {

    WorkerRejected(String message) {
        super(message, null, false, false);
    }
}
