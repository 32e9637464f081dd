package io.cmlfleet.application.port.cml;

import io.cmlfleet.domain.worker.InvalidWorkerInputException;

/** A registration token that cannot be one; the message starts {@code Invalid token:} and never holds the value. */
public class InvalidRegistrationTokenException extends InvalidWorkerInputException {

    public static final String FIELD = "token";

    public InvalidRegistrationTokenException(String problem) {
        super(FIELD, problem);
    }
}
