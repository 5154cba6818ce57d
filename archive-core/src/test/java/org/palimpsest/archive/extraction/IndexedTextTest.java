package org.palimpsest.archive.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Offsets agree with the JDK's own code-point arithmetic, astral characters and lone surrogates included. */
class IndexedTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "한국어 日本語", "𠀋𠂉 a𡈽b", "\uD800 lone high", "lone low \uDC00 end",
            "\uDC00\uD800", "x\uD83D\uDE00\uD83D", "𠀋"})
    void convertsEveryIndexAsTheJdkDoes(String text) {
        IndexedText indexed = new IndexedText(text);

        assertThat(indexed.length()).isEqualTo(text.codePointCount(0, text.length()));
        for (int i = 0; i <= text.length(); i++) {
            // A low surrogate belongs to the code point its pair starts.
            int expected = text.codePointCount(0, i) - (i > 0 && i < text.length()
                    && Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1)) ? 1 : 0);
            assertThat(indexed.codePoint(i)).as("code point of UTF-16 index %d", i).isEqualTo(expected);
        }
        for (int c = 0; c <= indexed.length(); c++) {
            assertThat(indexed.charIndex(c)).as("UTF-16 index of code point %d", c).isEqualTo(text.offsetByCodePoints(0, c));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4})
    void refusesOffsetsOutsideTheText(int offset) {
        IndexedText indexed = new IndexedText("a𠀋");

        assertThatThrownBy(() -> indexed.charIndex(offset)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> indexed.codePoint(offset)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
