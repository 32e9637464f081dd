package io.cmlfleet.bootstrap.api;

import io.cmlfleet.domain.worker.LifecycleAction;

/**
 * Answer to start, stop and terminate (202): the worker recorded the request and EC2 accepted the call. The
 * transition itself shows in the worker's status once monitoring observes it.
 */
public record LifecycleActionAcceptedResponse(String workerId, LifecycleAction action, String requestedBy) {
}
