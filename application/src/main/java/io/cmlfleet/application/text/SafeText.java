package io.cmlfleet.application.text;

import io.cmlfleet.domain.worker.UnsafeCharacters;

/**
 * Makes a stored or foreign value safe to print on one line of a terminal, log or report. Names, endpoints, error
 * messages of controllers and old events may hold anything; printed raw, a newline forges a timeline line, an ESC
 * sequence rewrites the terminal and a bidi override reorders what the operator reads.
 *
 * <p>Each such character is replaced by a visible escape: {@code \n}, {@code \r} and {@code \t} for the three
 * common ones, {@code \\uXXXX} (four lower-case hex digits per UTF-16 unit, so a supplementary character is two
 * escapes, as in Java and JSON) for every other one. Escaped are the characters the domain's input rules refuse: the
 * controls (Cc: U+0000–U+001F, NUL and ESC among them, DEL and U+0080–U+009F), the format characters (Cf: among them
 * U+061C, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF and the tag characters
 * U+E0001–U+E007F), the line and paragraph separators (U+2028, U+2029), and U+2065, unassigned inside the
 * invisible-operator and isolate block. Everything else, a backslash included, is kept, so ordinary text comes out
 * unchanged; the escapes are for reading, not a reversible encoding.
 *
 * <p>This package depends on nothing, so the refresh log, the renderers and the CLI can all use it.
 */
public final class SafeText {

    private SafeText() {
    }

    /** The value with every unsafe character escaped; {@code null} stays {@code null}. */
    public static String line(String value) {
        if (value == null) {
            return null;
        }
        int first = firstUnsafe(value);
        if (first < 0) {
            return value; // the common case: no copy
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, first);
        for (int i = first; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (!isUnsafe(codePoint)) {
                out.appendCodePoint(codePoint);
            } else if (codePoint == '\n') {
                out.append("\\n");
            } else if (codePoint == '\r') {
                out.append("\\r");
            } else if (codePoint == '\t') {
                out.append("\\t");
            } else {
                for (char unit : Character.toChars(codePoint)) {
                    out.append(String.format("\\u%04x", (int) unit));
                }
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** {@link #line(String)} of the value's {@code toString()}, for log arguments of any type. */
    public static String line(Object value) {
        return value == null ? null : line(value.toString());
    }

    /** Whether {@link #line(String)} escapes this code point. */
    public static boolean isUnsafe(int codePoint) {
        return UnsafeCharacters.isUnsafe(codePoint); // the same characters the domain's input rules refuse
    }

    private static int firstUnsafe(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (isUnsafe(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }
}
