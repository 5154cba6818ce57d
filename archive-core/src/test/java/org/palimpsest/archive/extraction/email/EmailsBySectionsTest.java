package org.palimpsest.archive.extraction.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.archive.extraction.GeneratedDocuments;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.RememberedParts;
import org.palimpsest.archive.extraction.SharedCorpus;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.extraction.redaction.RedactionFinder;

/**
 * Reading a text section by section between headings, with the sections remembered, finds exactly the messages of the
 * whole text read at once (ids, spans, what each quotes, the redactions inside), also after edits, and a sentence
 * changed in one section is read again in that section only.
 */
class EmailsBySectionsTest {

    private static final String SECTION = "emails of a section";

    private static List<ExtractedEmail> bySections(String text, RememberedParts parts) {
        Supplier<List<Redaction>> redactions = () -> RedactionFinder.find(new IndexedText(text));
        return EmailExtractor.extract(text, redactions, parts);
    }

    @Test
    void generatedDocumentsReadBySectionsHaveTheMessagesOfTheWholeText() {
        Random random = new Random(21);
        int messages = 0;
        int cut = 0;
        for (int n = 0; n < 400; n++) {
            String text = GeneratedDocuments.document(random, 1 + random.nextInt(30), random.nextInt(4) == 0, true);
            RememberedParts parts = new RememberedParts();
            List<ExtractedEmail> whole = EmailExtractor.extract(text);
            assertThat(bySections(text, parts)).as("document %d:%n%s", n, text).isEqualTo(whole);
            messages += whole.size();
            cut += parts.runs(SECTION) > 1 && !whole.isEmpty() ? 1 : 0;
        }
        // Without messages and cuts the comparison would hold between empty answers, or between two whole readings.
        assertThat(messages).isGreaterThan(800);
        assertThat(cut).as("documents with messages read in more than one section").isGreaterThan(150);
    }

    @Test
    void editsReadWithTheSectionsOfEarlierVersionsHaveTheMessagesOfTheWholeText() {
        Random random = new Random(22);
        int edits = 0;
        for (int n = 0; n < 60; n++) {
            RememberedParts parts = new RememberedParts();
            String text = GeneratedDocuments.document(random, 10 + random.nextInt(30), random.nextInt(4) == 0, true);
            for (int e = 0; e < 25; e++) {
                text = GeneratedDocuments.edited(text, random);
                assertThat(bySections(text, parts)).as("edit %d of document %d:%n%s", e, n, text)
                        .isEqualTo(EmailExtractor.extract(text));
                edits++;
            }
        }
        assertThat(edits).isEqualTo(60 * 25);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"000_3fa1d05d406d7b90.txt", "001_2eabf4ec6379ea02.txt", "003_11db9667bf3234db.txt"})
    void corpusDocumentsAndEditsOfThemReadBySectionsHaveTheMessagesOfTheWholeText(String file) {
        String text = SharedCorpus.read(file);
        RememberedParts parts = new RememberedParts();
        assertThat(bySections(text, parts)).isEqualTo(EmailExtractor.extract(text));
        Random random = new Random(file.hashCode());
        for (int e = 0; e < 40; e++) {
            String edited = GeneratedDocuments.edited(text, random);
            assertThat(bySections(edited, parts)).as("edit %d", e).isEqualTo(EmailExtractor.extract(edited));
        }
    }

    @Test
    void aSentenceChangedInOneSectionIsReadAgainInThatSectionOnly() {
        String text = """
                # Harbour notes

                Teh ledger was closed before the inspection.

                ## The first letter

                From: Mara Quill <mara@example.org>
                To: Teo Marsh <teo@example.org>
                Date: Tue, 3 Sep 2024 09:15:00 +0900
                Subject: pier inspection

                The inspection is moved to 10 September.

                ## The reply

                > On Tue, 3 Sep 2024 at 09:15, Mara Quill <mara@example.org> wrote:
                > Can we meet before the inspection?
                """;
        RememberedParts parts = new RememberedParts();
        List<ExtractedEmail> before = bySections(text, parts);
        int sections = parts.runs(SECTION);

        String fixed = text.replace("Teh ledger", "The ledger");
        List<ExtractedEmail> after = bySections(fixed, parts);

        assertThat(sections).isEqualTo(3);
        assertThat(parts.runs(SECTION) - sections).isEqualTo(1);
        assertThat(before).hasSize(2);
        assertThat(after).isEqualTo(EmailExtractor.extract(fixed));
        assertThat(after).extracting(ExtractedEmail::localId).containsExactly("e1", "e2");
    }

    @Test
    void aHeadingThatALineAboveMayTakeInIsNoCut() {
        // A label waiting for its value, a wrapped address list and a wrapped attribution may each take the heading below.
        for (String above : List.of("Subject:", "To: Teo Marsh <teo@example.org>,",
                "On Tue, 3 Sep 2024 at 09:15, Mara Quill <")) {
            String text = "From: Mara Quill <mara@example.org>\nDate: 3 Sep 2024 09:15\n" + above
                    + "\n## mara@example.org> wrote: about the pier\n\nThe inspection is moved.\n";
            RememberedParts parts = new RememberedParts();
            assertThat(bySections(text, parts)).as(above).isEqualTo(EmailExtractor.extract(text));
            assertThat(parts.runs(SECTION)).as(above).isEqualTo(1);
        }
    }

    @Test
    void aMessageStartingOnAHeadingIsReadWithTheSectionAboveWhoseLastMessageItEnds() {
        String text = """
                From: Mara Quill <mara@example.org>
                To: Teo Marsh <teo@example.org>
                Date: Tue, 3 Sep 2024 09:15:00 +0900
                Subject: pier inspection

                The inspection is moved.
                ## On Tue, 3 Sep 2024 at 09:15, Mara Quill <mara@example.org> wrote:
                To: Teo Marsh <teo@example.org>
                Cc: Ines Roe <ines@example.org>

                And moved again.
                """;
        List<ExtractedEmail> whole = EmailExtractor.extract(text);
        RememberedParts parts = new RememberedParts();

        assertThat(bySections(text, parts)).isEqualTo(whole);
        assertThat(whole).hasSize(2);
        assertThat(whole.get(1).span().start()).as("the second message starts on the heading")
                .isEqualTo(text.indexOf("## On"));
        assertThat(whole.get(0).quotes()).as("and the first one, cut short by it, quotes it").isEqualTo("e2");
    }
}
