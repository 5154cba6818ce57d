package org.palimpsest.archive.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnicodeTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "overlong slash,             C0AF,         0",
            "overlong NUL,               C080,         0",
            "three-byte overlong,        E080AF,       0",
            "encoded high surrogate,     EDA080,       0",
            "encoded low surrogate,      EDB080,       0",
            "stray continuation byte,    6180,         1",
            "truncated sequence at end,  61E282,       1",
            "beyond U+10FFFF,            F4908080,     0",
            "never-valid byte FF,        41FF,         1"})
    void refusesBytesThatAreNotStrictUtf8(String name, String hex, long offset) {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> UnicodeText.decodeUtf8(bytes))
                .isInstanceOfSatisfying(InvalidTextException.class, e -> {
                    assertThat(e.field()).isNull();
                    assertThat(e.offset()).isEqualTo(offset);
                });
    }

    @Test
    void decodesValidUtf8IncludingAstralCharacters() {
        String text = "한국어 日本語 𠮷 \uD83D\uDE00 é";
        assertThat(UnicodeText.decodeUtf8(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void findsTheFirstLoneSurrogateAndNoneInPairs() {
        assertThat(UnicodeText.firstLoneSurrogate("a\uD83D\uDE00b")).isEqualTo(-1);
        assertThat(UnicodeText.firstLoneSurrogate("ab\uD800")).isEqualTo(2);
        assertThat(UnicodeText.firstLoneSurrogate("a\uDC00\uD800\uDC00")).isEqualTo(1);
        assertThat(UnicodeText.firstLoneSurrogate("\uD83D\uDE00\uD83D")).isEqualTo(2);
        assertThat(UnicodeText.firstLoneSurrogate("\uDE00\uD83D")).isEqualTo(0);
    }

    @Test
    void aLoneSurrogateIsRefusedNamingTheField() {
        assertThatThrownBy(() -> UnicodeText.requireScalarValues("target.exact", 3, "x\uD83D"))
                .isInstanceOfSatisfying(InvalidTextException.class, e -> {
                    assertThat(e.field()).isEqualTo("target.exact");
                    assertThat(e.index()).isEqualTo(3);
                    assertThat(e.offset()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("target.exact", "U+D83D");
                });
    }
}
