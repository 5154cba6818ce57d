package org.palimpsest.archive.extraction.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.SharedCorpus;

/**
 * The bundled catalog against the real corpus. Expected counts were checked by reading the documents: every マスク of
 * the Japanese summary is Musk, every 머스크 of the newsletter too.
 */
class NamesCorpusAcceptanceTest {

    private static final NameCatalog CATALOG = NameCatalog.parse(NameCatalogTest.bundled());

    private static Map<String, Long> countByEntry(String text) {
        return CATALOG.find(new IndexedText(text)).stream()
                .collect(Collectors.groupingBy(NameMention::entryId, Collectors.counting()));
    }

    @Test
    void namesTheJapaneseSummarysPeople() {
        Map<String, Long> counts = countByEntry(SharedCorpus.read("003_11db9667bf3234db.txt"));
        assertThat(counts.get("elon-musk")).isEqualTo(29L);
        assertThat(counts.get("microsoft")).isEqualTo(7L);
        assertThat(counts.get("ilya-sutskever")).isEqualTo(4L);
        // "Sam Altman" 18 times, アルトマン once, and "Sam" of a misspelt surname: anchored by the full name.
        assertThat(counts.get("sam-altman")).isGreaterThanOrEqualTo(20L);
        // Brockman appears by given name only, which is anchored: the documented cost of not matching every "Greg".
        assertThat(counts).doesNotContainKey("greg-brockman");
    }

    @Test
    void namesTheNewslettersPeopleWithParticlesAndRunTogetherSpellings() {
        Map<String, Long> counts = countByEntry(SharedCorpus.read("001_2eabf4ec6379ea02.txt"));
        assertThat(counts.get("elon-musk")).isEqualTo(33L);
        assertThat(counts.get("openai")).isEqualTo(45L);
        assertThat(counts.get("microsoft")).isEqualTo(8L);
        assertThat(counts.get("tesla")).isEqualTo(10L);
        assertThat(counts.get("deepmind")).isEqualTo(4L);
        assertThat(counts).containsKeys("jensen-huang", "nvidia", "reid-hoffman", "greg-brockman", "ilya-sutskever", "xai");
    }

    private static int nthLineStart(String text, int line) {
        int index = 0;
        for (int i = 1; i < line; i++) {
            index = text.indexOf('\n', index) + 1;
        }
        return index;
    }

    @Test
    void skipsNamesInsideAddresses() {
        String text = SharedCorpus.read("000_3fa1d05d406d7b90.txt");
        IndexedText indexed = new IndexedText(text);
        List<NameMention> mentions = CATALOG.find(indexed);
        // Line 6 is the source address, which spells both the company and the man in its path.
        int line6 = indexed.codePoint(nthLineStart(text, 6));
        int line7 = indexed.codePoint(nthLineStart(text, 7));
        assertThat(mentions).noneMatch(m -> m.span().start() >= line6 && m.span().start() < line7);
        Map<String, Long> counts = mentions.stream().collect(Collectors.groupingBy(NameMention::matched, Collectors.counting()));
        assertThat(counts).containsKeys("엘론", "Shivon Zilis", "시본", "xAI", "OpenAI LP");
        assertThat(mentions.stream().map(NameMention::entryId).distinct().collect(Collectors.toMap(Function.identity(), e -> 1)))
                .containsKeys("elon-musk", "sam-altman", "greg-brockman", "ilya-sutskever", "shivon-zilis", "openai", "tesla");
    }
}
