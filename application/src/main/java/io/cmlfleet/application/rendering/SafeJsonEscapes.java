package io.cmlfleet.application.rendering;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.cmlfleet.application.text.SafeText;

/**
 * Jackson already escapes the C0 controls; this adds DEL, the C1 controls and the bidi and invisible format
 * characters of {@link SafeText}, as {@code \\uXXXX}, so a JSON line shown in a terminal cannot reorder or hide text
 * either. A JSON reader gets the same string back; every other character is written as before.
 */
final class SafeJsonEscapes extends CharacterEscapes {

    private final int[] ascii;

    SafeJsonEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ch <= 0xffff && SafeText.isUnsafe(ch)
                ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
