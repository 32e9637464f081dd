package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.text.SafeText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A file or directory named on the command line. */
final class PathArgument {

    private PathArgument() {
    }

    /** The path; one the file system cannot name (a NUL in it, say) is a usage error, not an uncaught exception. */
    static Path of(String option, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " is not a usable path (got '" + SafeText.line(value) + "': "
                    + SafeText.line(e.getReason()) + ")");
        }
    }
}
