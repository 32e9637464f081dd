package io.cmlfleet.domain.worker;

/**
 * The one definition of the characters that can forge or hide text when printed in a log, a table or a terminal:
 * Unicode control characters (Cc: NUL, CR, LF, ESC, DEL, C1), format characters (Cf: the bidi overrides and
 * isolates, zero-width characters, the byte order mark, tag characters), line and paragraph separators, and U+2065
 * (unassigned, inside the invisible operators U+2060-U+2069). The input rules refuse or neutralise them; the
 * renderers escape them.
 */
public final class UnsafeCharacters {

    private UnsafeCharacters() {
    }

    public static boolean isUnsafe(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || codePoint == 0x2065;
    }
}
