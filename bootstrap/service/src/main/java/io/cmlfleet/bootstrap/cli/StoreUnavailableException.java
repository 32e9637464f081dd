package io.cmlfleet.bootstrap.cli;

/**
 * The store could not be read (unreachable, refused the credentials, no such database): the message is one line
 * that names the store and the reason, without any secret; the command exits with 3.
 */
final class StoreUnavailableException extends RuntimeException {

    StoreUnavailableException(String message) {
        super(message);
    }
}
