package org.palimpsest.archive.extraction.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Span;

class RedactionFinderTest {

    /** Redactions, near misses and ordinary text that generated texts are made of. */
    private static final List<String> PIECES = List.of(
            "█", "███", "▇▆", "■ ■", "◼⬛", "<삭제됨>", "[REDACTED]", "(redacted name)", "【非公開】", "« omissis »",
            "〈削除〉", "<", ">", "[", "]", "(", ")", "（", "）", "<>", "< >", "<\n>", "[ ]", "[]", "‹hidden›",
            "<deleted by editor>", "<a@b.org>", "(see note)", "removed", "삭제", "the memo", "회의록", "議事録", " ", "\n", "\t");

    @Test
    void startingOnlyAtOpeningCharactersFindsWhatASearchFinds() {
        java.util.Random random = new java.util.Random(77);
        int redactions = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(30); k >= 0; k--) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            IndexedText indexed = new IndexedText(text.toString());
            List<Redaction> everywhere = RedactionFinder.find(indexed, false);
            assertThat(RedactionFinder.find(indexed)).as("redactions of %s", text).isEqualTo(everywhere);
            redactions += everywhere.size();
        }
        assertThat(redactions).as("redactions found").isGreaterThan(3000);
    }

    private static List<Redaction> find(String text) {
        return RedactionFinder.find(new IndexedText(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            보낸 사람: 다나 <삭제됨>                     | <삭제됨>            | PLACEHOLDER
            받는 사람: [삭제됨]                         | [삭제됨]            | PLACEHOLDER
            참조: <삭제됨 >                             | <삭제됨 >           | PLACEHOLDER
            From: Dana <redacted>                      | <redacted>          | PLACEHOLDER
            To: [REDACTED]                             | [REDACTED]          | PLACEHOLDER
            宛先: <削除済み>                             | <削除済み>           | PLACEHOLDER
            收件人: 【已删除】                           | 【已删除】            | PLACEHOLDER
            Von: <geschwärzt>                          | <geschwärzt>        | PLACEHOLDER
            the sum was █████ dollars                  | █████               | BLOCK
            he said ███ ████ ██ then left              | ███ ████ ██         | BLOCK
            From: dana@████.example                    | ████                | BLOCK
            From: Dana <>                              | <>                  | EMPTY_BRACKETS
            """)
    void findsEachShape(String text, String marker, Redaction.Kind kind) {
        List<Redaction> found = find(text);
        assertThat(found).hasSize(1);
        IndexedText indexed = new IndexedText(text);
        assertThat(indexed.slice(found.get(0).span())).isEqualTo(marker);
        assertThat(found.get(0).kind()).isEqualTo(kind);
    }

    @Test
    void findsAnEmptyPairSplitOverTwoLines() {
        String text = "From: Dana <\n>\nTo: Minho";
        List<Redaction> found = find(text);
        assertThat(found).extracting(Redaction::kind).containsExactly(Redaction.Kind.EMPTY_BRACKETS);
        assertThat(found.get(0).span()).isEqualTo(new Span(11, 14));
    }

    @Test
    void spansAreCodePointsEvenAfterAstralCharacters() {
        String text = "\uD83D\uDCDC note: <redacted>";
        // 📜 is one code point (two UTF-16 units): "📜 note: " is 8 code points.
        assertThat(find(text).get(0).span()).isEqualTo(new Span(8, 18));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a <b>bold</b> tag", "x < y > z", "See [the report] here", "<https://example.org/a>",
            "Deleted scenes were removed from the cut.", "[1] footnote"})
    void leavesOrdinaryBracketsAndWordsAlone(String text) {
        assertThat(find(text)).isEmpty();
    }

    @Test
    void tellsARedactedValueFromOneThatMerelyContainsARedaction() {
        assertThat(RedactionFinder.isRedacted("<삭제됨>")).isTrue();
        assertThat(RedactionFinder.isRedacted("<█████@████.com>")).isTrue();
        assertThat(RedactionFinder.isRedacted("Dana Whitlock <redacted>")).isFalse();
        assertThat(RedactionFinder.containsRedaction("Dana Whitlock <redacted>")).isTrue();
        assertThat(RedactionFinder.isRedacted("Dana Whitlock")).isFalse();
    }
}
