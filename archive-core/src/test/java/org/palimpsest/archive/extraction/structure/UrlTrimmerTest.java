package org.palimpsest.archive.extraction.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlTrimmerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            https://example.org/a.                          | https://example.org/a
            https://example.org/a,                          | https://example.org/a
            https://example.org/a).                         | https://example.org/a
            https://example.org/q?a=1&b=2!                  | https://example.org/q?a=1&b=2
            https://en.wikipedia.org/wiki/Set_(mathematics) | https://en.wikipedia.org/wiki/Set_(mathematics)
            https://example.org/a]                          | https://example.org/a
            https://example.org/a/                          | https://example.org/a/
            https://example.org/bold**                      | https://example.org/bold
            `https://example.org/quoted"`                   | https://example.org/quoted
            https://example.org/a。                         | https://example.org/a
            """)
    void dropsWhatTheSentenceAdded(String candidate, String expected) {
        assertThat(UrlTrimmer.trim(candidate)).isEqualTo(expected);
    }
}
