package org.palimpsest.archive.extraction.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.extraction.SharedCorpus;

/**
 * The extractor against the real corpus, with expectations established by reading the documents by hand: every
 * quoted message counted, its sender, date and recipients noted. Only counts, normalized dates and short name
 * tokens appear here, never the documents' sentences. Skips when the corpus is absent.
 */
class EmailCorpusAcceptanceTest {

    /** One message as counted by hand: sender's surname, the date normalized, To and Cc counts, relation. */
    private record Expected(String sender, String local, int to, int cc, ExtractedEmail.Relation relation,
                            String quotes) {
    }

    private static final ExtractedEmail.Relation TOP = ExtractedEmail.Relation.TOP;
    private static final ExtractedEmail.Relation FORWARDED = ExtractedEmail.Relation.FORWARDED;
    private static final ExtractedEmail.Relation QUOTED = ExtractedEmail.Relation.QUOTED_REPLY;

    /**
     * 000: eleven fenced blocks quoting 22 messages. Twenty have Korean header blocks (보낸 사람 / 날짜 / 받는 사람 /
     * 참조, no 제목); two are quoted replies introduced only by a Korean attribution line and written without quote
     * markers; two blocks open with a 전달된 메시지 marker. Every address is redacted.
     */
    private static final List<Expected> BLOG = List.of(
            new Expected("Musk", "2015-11-20T12:29", 1, 0, FORWARDED, "e2"),
            new Expected("Altman", "2015-11-20T11:48", 0, 0, QUOTED, null),
            new Expected("Musk", "2016-02-19T00:05", 1, 2, TOP, null),
            new Expected("Sutskever", "2016-02-19T10:28", 1, 2, TOP, null),
            new Expected("Sutskever", "2017-06-12T22:39", 3, 0, TOP, null),
            new Expected("Musk", "2017-06-12T22:52", 1, 2, TOP, null),
            new Expected("Musk", "2017-06-13T10:24", 1, 2, TOP, null),
            new Expected("Sutskever", "2017-07-12T13:36", 2, 0, TOP, null),
            new Expected("Musk", "2017-07-21T03:34", 2, 0, TOP, null),
            new Expected("Brockman", "2017-07-21T13:18", 1, 1, TOP, null),
            new Expected("Musk", "2017-07-21T13:18", 1, 2, TOP, null),
            new Expected("Musk", "2017-08-11T21:17", 3, 2, TOP, null),
            new Expected("Musk", "2017-09-13T00:40", 1, 1, TOP, null),
            new Expected("Sutskever", "2017-09-20T14:08", 3, 0, TOP, null),
            new Expected("Musk", "2017-09-20T14:17", 1, 4, TOP, null),
            new Expected("Musk", "2017-09-20T14:17", 1, 4, TOP, null),
            new Expected("Altman", "2017-09-20T14:17", 2, 3, TOP, null),
            new Expected("Musk", "2018-01-31T14:02", 3, 3, TOP, null),
            new Expected("Brockman", "2018-01-31T22:56", 1, 4, TOP, null),
            new Expected("Musk", "2018-12-17T15:47", 1, 0, FORWARDED, "e21"),
            new Expected("Altman", "2018-12-17T15:42", 0, 0, QUOTED, null),
            new Expected("Musk", "2018-12-26T12:07", 2, 2, TOP, null));

    @Test
    void koreanBlogQuotesTwentyTwoMessages() {
        List<ExtractedEmail> found = EmailExtractor.extract(SharedCorpus.read("000_3fa1d05d406d7b90.txt"));
        Score score = score(BLOG, found);
        System.out.printf("000: %d found / %d real; precision %.3f, recall %.3f; header fields %d/%d correct%n",
                found.size(), BLOG.size(), score.precision(), score.recall(), score.fieldsCorrect(),
                score.fieldsExpected());

        assertThat(found).hasSize(22);
        for (int i = 0; i < BLOG.size(); i++) {
            Expected expected = BLOG.get(i);
            ExtractedEmail email = found.get(i);
            assertThat(email.localId()).isEqualTo("e" + (i + 1));
            assertThat(email.from()).as(email.localId()).isNotNull();
            assertThat(email.from().name()).as(email.localId()).endsWith(expected.sender());
            assertThat(email.from().redacted()).as(email.localId()).isTrue();
            assertThat(email.date().local()).as(email.localId()).isEqualTo(LocalDateTime.parse(expected.local()));
            assertThat(email.to()).as(email.localId()).hasSize(expected.to()).allMatch(Participant::redacted);
            assertThat(email.cc()).as(email.localId()).hasSize(expected.cc()).allMatch(Participant::redacted);
            assertThat(email.relation()).as(email.localId()).isEqualTo(expected.relation());
            assertThat(email.quotes()).as(email.localId()).isEqualTo(expected.quotes());
            assertThat(email.subject()).as("thread titles and counters are not subjects").isNull();
            assertThat(email.headerLanguage()).isEqualTo("ko");
            assertThat(email.body()).as(email.localId()).isNotBlank()
                    .doesNotContain("```").doesNotContain("보낸 사람:").doesNotContain("날짜:");
        }
        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.fieldsCorrect()).isEqualTo(score.fieldsExpected());
        // Redactions: █ runs and <삭제됨>/<redacted> placeholders inside the messages.
        assertThat(found.stream().mapToInt(e -> e.redactions().size()).sum()).isGreaterThan(100);
        // Spans do not overlap and come in text order.
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).span().start()).isGreaterThanOrEqualTo(found.get(i - 1).span().end());
        }
    }

    @Test
    void koreanNewsletterQuotesNoMessage() {
        // It talks about emails (and ends with a contact address) but quotes none.
        assertThat(EmailExtractor.extract(SharedCorpus.read("001_2eabf4ec6379ea02.txt"))).isEmpty();
    }

    @Test
    void japaneseSummaryQuotesNoMessage() {
        // A bullet list retelling emails, and an author/source line with colons: no header block, no attribution.
        assertThat(EmailExtractor.extract(SharedCorpus.read("003_11db9667bf3234db.txt"))).isEmpty();
    }

    private record Score(int matched, int found, int expected, int fieldsCorrect, int fieldsExpected) {

        double precision() {
            return found == 0 ? 1.0 : (double) matched / found;
        }

        double recall() {
            return expected == 0 ? 1.0 : (double) matched / expected;
        }
    }

    /**
     * A found message matches an expected one when sender and date agree; fields are then compared one by one
     * (sender, date, To count, Cc count, relation, quoted message).
     */
    private static Score score(List<Expected> expected, List<ExtractedEmail> found) {
        List<ExtractedEmail> unmatched = new ArrayList<>(found);
        int matched = 0;
        int fieldsCorrect = 0;
        for (Expected e : expected) {
            ExtractedEmail hit = unmatched.stream()
                    .filter(f -> f.from() != null && f.from().name() != null && f.from().name().endsWith(e.sender()))
                    .filter(f -> f.date() != null && LocalDateTime.parse(e.local()).equals(f.date().local()))
                    .findFirst().orElse(null);
            if (hit == null) {
                continue;
            }
            unmatched.remove(hit);
            matched++;
            fieldsCorrect += 2
                    + (hit.to().size() == e.to() ? 1 : 0)
                    + (hit.cc().size() == e.cc() ? 1 : 0)
                    + (hit.relation() == e.relation() ? 1 : 0)
                    + (java.util.Objects.equals(hit.quotes(), e.quotes()) ? 1 : 0);
        }
        return new Score(matched, found.size(), expected.size(), fieldsCorrect, expected.size() * 6);
    }
}
