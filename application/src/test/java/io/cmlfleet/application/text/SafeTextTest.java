package io.cmlfleet.application.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "worker-1", "service UNAVAILABLE → AVAILABLE (licensed, enterprise)",
            "C:\\path\\n is kept", "Zürich ümlaut ĳ 日本 🚀", "a | b, \"c\" 'd' #e -f =g"})
    void ordinaryTextIsReturnedUnchanged(String text) {
        assertThat(SafeText.line(text)).isSameAs(text);
    }

    @Test
    void nullStaysNull() {
        assertThat(SafeText.line((String) null)).isNull();
        assertThat(SafeText.line((Object) null)).isNull();
    }

    @Test
    void lineBreaksAndTabsGetTheirShortEscapes() {
        assertThat(SafeText.line("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
            // C0: NUL, BEL, ESC, US
            "0000", "0007", "001b", "001f",
            // DEL and C1 (CSI among them)
            "007f", "0080", "009b", "009f",
            // Arabic letter mark, zero width space..right-to-left mark
            "061c", "200b", "200c", "200d", "200e", "200f",
            // line and paragraph separators, bidi embeddings and overrides
            "2028", "2029", "202a", "202b", "202c", "202d", "202e",
            // word joiner .. pop directional isolate, byte order mark
            "2060", "2064", "2065", "2066", "2069", "feff",
            // soft hyphen, other format characters
            "00ad", "206a", "fff9"})
    void everyOtherUnsafeCharacterBecomesAUnicodeEscape(String hex) {
        char c = (char) Integer.parseInt(hex, 16);

        assertThat(SafeText.line("x" + c + "y")).isEqualTo("x\\u" + hex + "y");
        assertThat(SafeText.isUnsafe(c)).isTrue();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0020", "007e", "00a0", "00e9", "200a", "2010", "2030", "205f", "2070", "fffd"})
    void neighboursOfTheUnsafeRangesAreKept(String hex) {
        char c = (char) Integer.parseInt(hex, 16);

        assertThat(SafeText.line("x" + c + "y")).isEqualTo("x" + c + "y");
    }

    @Test
    void aSupplementaryFormatCharacterBecomesTheEscapesOfItsTwoUnits() {
        String tagA = new String(Character.toChars(0xE0041));

        assertThat(SafeText.line("x" + tagA + "y")).isEqualTo("x\\udb40\\udc41y");
        assertThat(SafeText.isUnsafe(0xE0041)).isTrue();
    }

    @Test
    void aForgedTimelineLineStaysOnOneLine() {
        String hostile = "evil\n2026-12-01T00:00:00Z  StatusChanged  forged\u001b[2J\u202e\u0000";

        assertThat(SafeText.line(hostile))
                .isEqualTo("evil\\n2026-12-01T00:00:00Z  StatusChanged  forged\\u001b[2J\\u202e\\u0000");
    }

    @Test
    void objectsAreNeutralisedThroughToString() {
        assertThat(SafeText.line((Object) new StringBuilder("a\u001bb"))).isEqualTo("a\\u001bb");
    }
}
