package io.cmlfleet.application.text;

/**
 * Makes a stored or foreign value safe to print on one line of a terminal, log or report. Names, endpoints, error
 * messages of controllers and old events may hold anything; printed raw, a newline forges a timeline line, an ESC
 * sequence rewrites the terminal and a bidi override reorders what the operator reads.
 *
 * <p>Each such character is replaced by a visible escape: {@code \n}, {@code \r} and {@code \t} for the three
 * common ones, {@code \\uXXXX} (four lower-case hex digits) for every other one. Escaped are the C0 controls
 * (U+0000–U+001F, NUL and ESC among them), DEL and the C1 controls (U+007F–U+009F), the line and paragraph
 * separators (U+2028, U+2029) and the format characters that hide or reorder text (U+061C, U+200B–U+200F,
 * U+202A–U+202E, U+2060–U+2069, U+FEFF). Everything else, a backslash included, is kept, so ordinary text comes
 * out unchanged; the escapes are for reading, not a reversible encoding.
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
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isUnsafe(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** {@link #line(String)} of the value's {@code toString()}, for log arguments of any type. */
    public static String line(Object value) {
        return value == null ? null : line(value.toString());
    }

    /** Whether {@code c} is one of the characters {@link #line(String)} escapes. */
    public static boolean isUnsafe(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c
                || (c >= 0x200b && c <= 0x200f)
                || c == 0x2028 || c == 0x2029
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2060 && c <= 0x2069)
                || c == 0xfeff;
    }

    private static int firstUnsafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isUnsafe(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
