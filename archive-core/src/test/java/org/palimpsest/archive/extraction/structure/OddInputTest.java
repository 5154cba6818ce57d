package org.palimpsest.archive.extraction.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.RememberedParts;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.Span;

/**
 * Degenerate and random input: never an exception, always ordered spans inside the text, and the same structure read
 * whole or group by group.
 */
class OddInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\n\n\n", "   ", "---", "---\n", "---\n---", "...", "> ", ">", "- ", "-", "#",
            "######", "[^1]:", "[^1]", "![](", "![", "```", "~~~\n", "| a |\n|---|", "\t\tcode", "* * *", "1.", "1)",
            "<!-- 주석 -->", "[x]: http://example.org", "•", "・", "· ", "📢", "👱🏻", "https://", "www.", "<>",
            "a\n=\nb\n-", "> - > 1. 중첩", "  •\n  •", "[![a](b)](c)", "![](x) ![](y)", "|\n|\n|", "\\", "a  \nb\\\nc",
            "```\n  \n", "~~~\n\t\n", "text\n\n```\n \n\nmore\n"})
    void copesWith(String text) {
        assertWellFormed(text);
    }

    @Test
    void copesWithRandomMarkupSoup() {
        String[] pieces = {"#", " ", "\n", "\n\n", "-", "*", ">", "`", "```", "~~~", "[", "]", "(", ")", "!", "^", ":",
                "|", "•", "・", "1.", "가", "あ", "中", "a", "📢", "👱🏻", "https://example.org/a.", "  ", "\t", "---",
                "구독", "いいね", "[^1]", "[^1]: ", "<", ">", "=", "_"};
        Random random = new Random(20240501);
        int segments = 0;
        int links = 0;
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            DocumentStructure structure = assertWellFormed(text.toString());
            segments += structure.segments().size();
            links += structure.links().size() + structure.footnoteRefs().size();
        }
        // The soup must have produced segments and links, or the checks on them checked nothing.
        assertThat(segments).isGreaterThan(2000);
        assertThat(links).isPositive();
    }

    private static DocumentStructure assertWellFormed(String text) {
        DocumentStructure structure = StructureAnalyzer.analyze(text);
        int length = new IndexedText(text).length();
        Span previous = new Span(0, 0);
        for (Segment segment : structure.segments()) {
            assertThat(segment.span().start()).as(text).isGreaterThanOrEqualTo(previous.end());
            assertThat(segment.span().end()).as(text).isLessThanOrEqualTo(length);
            assertThat(segment.span().contains(segment.content())).as(text + " " + segment).isTrue();
            previous = segment.span();
        }
        structure.links().forEach(link -> assertThat(link.span().end()).isLessThanOrEqualTo(length));
        structure.footnoteRefs().forEach(ref -> assertThat(ref.span().end()).isLessThanOrEqualTo(length));
        assertThat(StructureAnalyzer.analyze(text, new RememberedParts())).as(text).isEqualTo(structure);
        return structure;
    }
}
