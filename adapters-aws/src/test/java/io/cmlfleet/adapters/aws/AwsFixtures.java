package io.cmlfleet.adapters.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the shared wire fixtures (real AWS bodies) from the folder surefire passes in {@code cmlfleet.fixtures}. */
final class AwsFixtures {

    private AwsFixtures() {
    }

    static byte[] bytes(String name) {
        String root = System.getProperty("cmlfleet.fixtures");
        if (root == null) {
            throw new IllegalStateException("System property cmlfleet.fixtures is not set (run through Maven)");
        }
        try {
            return Files.readAllBytes(Path.of(root, "aws", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
