package org.palimpsest.archive.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void readsFieldsAndFindsTheBody() throws Exception {
        String text = "---\ntitle: \"새 글\"\ndate: 2024-05-01 10:00:00\n---\n본문";
        FrontMatter fm = FrontMatter.parse(text).orElseThrow();
        assertThat(fm.string("title")).isEqualTo("새 글");
        assertThat(fm.string("date")).isEqualTo("2024-05-01 10:00:00");
        assertThat(text.substring(fm.bodyStart())).isEqualTo("본문");
        assertThat(fm.lineCount()).isEqualTo(4);
    }

    @Test
    void keepsDatesAndNumbersAsWritten() throws Exception {
        FrontMatter fm = FrontMatter.parse("---\npublished: 2024-03-06\nyear: 2019\nflag: yes\n---\n").orElseThrow();
        assertThat(fm.string("published")).isEqualTo("2024-03-06");
        assertThat(fm.string("year")).isEqualTo("2019");
        assertThat(fm.string("flag")).isEqualTo("yes");
    }

    @Test
    void bodyStartCountsCodePointsNotUtf16Units() throws Exception {
        String text = "---\ntitle: \"\uD83D\uDCDC scroll\"\n---\nbody";
        FrontMatter fm = FrontMatter.parse(text).orElseThrow();
        int expected = text.codePointCount(0, text.indexOf("body"));
        assertThat(fm.bodyStart()).isEqualTo(expected);
    }

    @Test
    void acceptsTheYamlDocumentEndMarker() throws Exception {
        assertThat(FrontMatter.parse("---\na: b\n...\nrest").orElseThrow().string("a")).isEqualTo("b");
    }

    @Test
    void textWithoutFrontMatterHasNone() throws Exception {
        assertThat(FrontMatter.parse("# Heading\n---\nnot front matter")).isEmpty();
        assertThat(FrontMatter.parse("")).isEmpty();
    }

    @Test
    void reportsTheLineOfBrokenYaml() {
        assertThatThrownBy(() -> FrontMatter.parse("---\ntitle: ok\nbad: [unclosed\nother: x\n---\nbody"))
                .isInstanceOf(FrontMatterException.class)
                .satisfies(e -> assertThat(((FrontMatterException) e).line()).isBetween(3, 5))
                .hasMessageContaining("front matter, line");
    }

    @Test
    void reportsAnUnclosedBlock() {
        assertThatThrownBy(() -> FrontMatter.parse("---\ntitle: x\nno end"))
                .isInstanceOf(FrontMatterException.class)
                .hasMessageContaining("never closed");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> FrontMatter.parse("---\ntitle: a\ntitle: b\n---\n"))
                .isInstanceOf(FrontMatterException.class);
    }
}
