package io.cmlfleet.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code docs/operations.md} as tests read it: fenced blocks and table rows under a heading. */
public final class OperationsDoc {

    private final String text;

    private OperationsDoc(String text) {
        this.text = text;
    }

    public static OperationsDoc read() {
        try {
            return new OperationsDoc(Files.readString(Path.of(System.getProperty("cmlfleet.docs", "../../docs"),
                    "operations.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of the fenced block whose first line is {@code firstLine}. */
    public String fencedBlock(String firstLine) {
        int start = text.indexOf("\n" + firstLine + "\n");
        if (start < 0) {
            throw new IllegalStateException("no block starting '" + firstLine + "' in operations.md");
        }
        return text.substring(start + 1, text.indexOf("\n```", start + 1) + 1);
    }

    /** The cells of each row of the first table after {@code heading}, header and separator left out. */
    public List<List<String>> tableAfter(String heading) {
        int at = text.indexOf("\n" + heading + "\n");
        if (at < 0) {
            throw new IllegalStateException("no heading '" + heading + "' in operations.md");
        }
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : text.substring(at + heading.length() + 2).split("\n")) {
            if (line.startsWith("|")) {
                inTable = true;
                rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList());
            } else if (inTable) {
                break;
            }
        }
        return rows.subList(Math.min(2, rows.size()), rows.size());
    }
}
