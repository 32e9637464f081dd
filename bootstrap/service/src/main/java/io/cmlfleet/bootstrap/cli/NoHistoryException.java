package io.cmlfleet.bootstrap.cli;

/** The store holds no event of the worker asked about (exit 1): most often a mistyped id or the wrong store. */
final class NoHistoryException extends RuntimeException {

    NoHistoryException(String message) {
        super(message);
    }
}
