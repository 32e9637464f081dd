package io.cmlfleet.domain.worker;

/**
 * How text in a command is checked: on the exact value, never on a trimmed copy. Characters that can forge or hide
 * text (Unicode control characters Cc such as NUL, CR, LF and ESC; format characters Cf such as the bidi overrides
 * U+202A-U+202E and isolates U+2066-U+2069, U+200E/U+200F; line and paragraph separators) are refused in text a
 * caller chooses, and neutralised (replaced by a space) in text an adapter reports, where refusing would lose the
 * record of what happened.
 */
final class TextRules {

    private TextRules() {
    }

    /** Whether a code point can forge or hide text when printed: see {@link UnsafeCharacters}. */
    static boolean isUnsafe(int codePoint) {
        return UnsafeCharacters.isUnsafe(codePoint);
    }

    /** Refuses control and format characters, naming the first one by code point (never printing it). */
    static String refuseUnsafe(String field, String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (isUnsafe(codePoint)) {
                throw new InvalidWorkerInputException(field, "must not contain control or format characters (got "
                        + String.format("U+%04X", codePoint) + " at index " + i + ")");
            }
            i += Character.charCount(codePoint);
        }
        return value;
    }

    /** Refuses leading or trailing whitespace: the value is stored and sent as given, so it is not trimmed. */
    static String refuseSurroundingWhitespace(String field, String value) {
        if (!value.equals(value.strip())) {
            throw new InvalidWorkerInputException(field, "must not start or end with whitespace");
        }
        return value;
    }

    static String maxLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidWorkerInputException(field, "must be at most " + max + " characters (got "
                    + value.length() + ")");
        }
        return value;
    }

    /** Replaces every control and format character by a space, so reported text cannot forge lines or order. */
    static String neutralise(String value) {
        StringBuilder text = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> text.appendCodePoint(isUnsafe(cp) ? ' ' : cp));
        return text.toString();
    }
}
