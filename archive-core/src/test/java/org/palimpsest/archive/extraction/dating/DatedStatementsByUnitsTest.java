package org.palimpsest.archive.extraction.dating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.extraction.GeneratedDocuments;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.RememberedParts;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.structure.StructureAnalyzer;

/**
 * A unit's dated statements depend on its own content, kind and language alone: taken from remembered units they are
 * the statements of the whole text, placed in it (spans, segment ids), also after edits that renumber segments, and a
 * sentence changed in one unit is read again in that unit only.
 */
class DatedStatementsByUnitsTest {

    private static final String UNIT = "dated statements of a unit";
    private static final LocalDate PUBLISHED = LocalDate.of(2024, 9, 3);

    private static List<DatedStatement> extract(String text, RememberedParts parts) {
        List<Segment> segments = StructureAnalyzer.analyze(text).segments();
        return DatedStatementExtractor.extract(new IndexedText(text), segments, "en", PUBLISHED, parts);
    }

    private static List<DatedStatement> extract(String text) {
        return DatedStatementExtractor.extract(new IndexedText(text), StructureAnalyzer.analyze(text).segments(), "en",
                PUBLISHED);
    }

    @Test
    void remembersUnitsAcrossEditsAndPlacesTheirStatementsAsTheWholeTextDoes() {
        Random random = new Random(31);
        int statements = 0;
        int reused = 0;
        for (int n = 0; n < 60; n++) {
            RememberedParts parts = new RememberedParts();
            String text = GeneratedDocuments.document(random, 10 + random.nextInt(30), false, true);
            for (int e = 0; e < 20; e++) {
                int before = parts.runs(UNIT);
                List<DatedStatement> found = extract(text, parts);
                assertThat(found).as("edit %d of document %d:%n%s", e, n, text).isEqualTo(extract(text));
                statements += found.size();
                reused += e > 0 && parts.runs(UNIT) - before < 3 ? 1 : 0;
                text = GeneratedDocuments.edited(text, random);
            }
        }
        assertThat(statements).isGreaterThan(5_000);
        assertThat(reused).as("edits that read at most two units again").isGreaterThan(500);
    }

    @Test
    void aSentenceChangedInOneUnitIsReadAgainInThatUnitOnly() {
        String text = """
                # Harbour notes

                On 4 March 2019 teh ledger was closed.

                - 2018년 5월 3일: 조합은 새 계약서에 서명했다.
                - 2017年9月15日、委員会は報告書を公表した。

                In late 2020 the archive moved.
                """;
        RememberedParts parts = new RememberedParts();
        extract(text, parts);
        int units = parts.runs(UNIT);

        String fixed = text.replace("teh ledger", "the ledger");
        List<DatedStatement> found = extract(fixed, parts);

        assertThat(units).isEqualTo(5);
        assertThat(parts.runs(UNIT) - units).isEqualTo(1);
        assertThat(found).hasSize(4).isEqualTo(extract(fixed));
    }
}
