package org.palimpsest.archive.extraction.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.SharedCorpus;

/**
 * Redactions in the real corpus, against counts made by reading it: the Korean blog blacks out ten passages
 * (one run of spaced █ per line) and replaces addresses with 97 Korean and 3 English placeholders; the
 * newsletter and the Japanese summary redact nothing.
 */
class RedactionCorpusAcceptanceTest {

    private static Map<Redaction.Kind, Long> kinds(String file) {
        List<Redaction> found = RedactionFinder.find(new IndexedText(SharedCorpus.read(file)));
        return found.stream().collect(Collectors.groupingBy(Redaction::kind, Collectors.counting()));
    }

    @Test
    void koreanBlogRedactions() {
        assertThat(kinds("000_3fa1d05d406d7b90.txt"))
                .containsEntry(Redaction.Kind.BLOCK, 10L)
                .containsEntry(Redaction.Kind.PLACEHOLDER, 100L)
                .doesNotContainKey(Redaction.Kind.EMPTY_BRACKETS);
    }

    @Test
    void newsletterAndSummaryHaveNone() {
        assertThat(kinds("001_2eabf4ec6379ea02.txt")).isEmpty();
        assertThat(kinds("003_11db9667bf3234db.txt")).isEmpty();
    }

    @Test
    void everyRedactionSpanCoversItsMarker() {
        String text = SharedCorpus.read("000_3fa1d05d406d7b90.txt");
        IndexedText indexed = new IndexedText(text);
        Function<Redaction, String> marker = r -> indexed.slice(r.span());
        assertThat(RedactionFinder.find(indexed)).hasSizeGreaterThan(100).allSatisfy(r ->
                assertThat(marker.apply(r)).matches("(?s)[█ ]+|<\\s*\\S+\\s*>"));
    }
}
