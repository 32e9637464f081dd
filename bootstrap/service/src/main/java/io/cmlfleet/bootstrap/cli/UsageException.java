package io.cmlfleet.bootstrap.cli;

/** The command line is wrong; the message says what, and the usage is printed after it. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
