package io.cmlfleet.application.forensics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes rendered output to {@code target/forensics-examples}, from where docs/forensics.md quotes it. */
final class Examples {

    static final Path FOLDER = Path.of("target", "forensics-examples");

    private Examples() {
    }

    static void write(String name, String content) {
        try {
            Files.createDirectories(FOLDER);
            Files.writeString(FOLDER.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
