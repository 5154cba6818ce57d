package org.palimpsest.archive.extraction.dating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.extraction.FrontMatter;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.SharedCorpus;

/**
 * The extractor against the real corpus, scored against statements counted by hand.
 *
 * <p>How the hand counts were made: reading each document, outside code fences (the quoted emails, whose dates are
 * headers) and front matter, every sentence or list item that places an event at a date written in it — absolute, or
 * relative to the publication — is one statement, dated by its first such date. Not counted: plans and forecasts,
 * dates that only bound a plan ("from 2018 on, X should ..."), durations counted from another event ("6개월 뒤",
 * "10여 일만에"), and relative dates inside quotations. Each expected statement is named by its line and the
 * normalized date; no corpus text is copied here.
 */
class DatingCorpusAcceptanceTest {

    record Expected(int line, String iso) {
    }

    /** Scored in lines and ISO forms: a found statement is right when one is expected on its line with its date. */
    record Score(int expected, int found, int correct) {

        double precision() {
            return found == 0 ? 1 : (double) correct / found;
        }

        double recall() {
            return expected == 0 ? 1 : (double) correct / expected;
        }
    }

    @Test
    void findsTheDatedTimelineOfTheKoreanCompanyPost() {
        String name = "000_3fa1d05d406d7b90.txt";
        String text = SharedCorpus.read(name);
        LocalDate published = publicationDate(text).orElseThrow();
        assertThat(published).isEqualTo(LocalDate.of(2024, 12, 18));
        List<Expected> expected = List.of(
                // The timeline list at the top: twelve items, each headed by its date.
                e(10, "2015-11"), e(11, "2015-12"), e(12, "2017-beginning"), e(13, "2017-summer"), e(14, "2017-autumn"),
                e(15, "2017-09"), e(16, "2017-09"), e(17, "2018-01"), e(18, "2018-02"), e(19, "2018-12"), e(20, "2019-03"),
                e(21, "2023-03"),
                // The body: section headings, their bold leads, and dated sentences.
                e(23, "2017"), e(27, "2017-09-15"), e(32, "2015-11"), e(33, "2015-11-20"), e(62, "2015-12"),
                e(65, "2017-beginning"), e(66, "2017"), e(68, "2017-06-13"), e(71, "2017-07-12"), e(202, "2017-summer"),
                e(204, "2017-07-13"), e(208, "2017-07-21"), e(241, "2017-08-11"), e(254, "2017-autumn"),
                e(258, "2017-09-04"), e(262, "2017-09-12"), e(293, "2017-09"), e(295, "2017-09-15"), e(299, "2017-09-15"),
                e(303, "2017-09"), e(379, "2018-01"), e(385, "2018-01-31"), e(464, "2018-02"), e(466, "2018-02-20"),
                e(468, "2018-12"), e(470, "2018-12-17"), e(503, "2018-12-26"), e(526, "2019-03"), e(537, "2023-03"),
                e(539, "2023-03-09"), e(543, "2023-03-22"));
        assertThat(expected).hasSize(43);

        List<DatedStatement> found = extract(text, "ko", published);
        Score score = score(name, text, expected, found);
        // One known false positive: line 210 dates a plan voiced in 2017 ("from 2018 on ... should"), past tense.
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.95);

        IndexedText indexed = new IndexedText(text);
        DatedStatement earlyIn2017 = on(found, text, 12);
        assertThat(earlyIn2017.date().qualifier()).isEqualTo(Qualifier.BEGINNING);
        assertThat(earlyIn2017.date().earliest()).isEqualTo(LocalDate.of(2017, 1, 1));
        assertThat(earlyIn2017.date().latest()).isEqualTo(LocalDate.of(2017, 2, 28));
        assertThat(indexed.slice(earlyIn2017.dateSpan())).isEqualTo("2017년 초");
        assertThat(on(found, text, 14).date().precision()).isEqualTo(Precision.SEASON);
        assertThat(on(found, text, 295).date()).isEqualTo(FuzzyDate.ofDay(2017, 9, 15));
        assertThat(on(found, text, 543).text()).doesNotContain("](").doesNotContain("https://");
        assertThat(found).allSatisfy(s -> {
            assertThat(s.relative()).isFalse();
            assertThat(s.language()).isEqualTo("ko");
        });
        // Nothing from the emails in code fences (lines 37–60 quote one dated 2015-11-20 in a header).
        assertThat(found).noneMatch(s -> lineOf(text, s) > 37 && lineOf(text, s) < 60);
    }

    @Test
    void placesTheNewslettersRelativeDates() {
        String name = "001_2eabf4ec6379ea02.txt";
        String text = SharedCorpus.read(name);
        // The issue has no publication date. Its own heading puts it in the second week of March 2024 and its footer
        // says it goes out on Wednesdays: March 13, 2024.
        LocalDate assumed = LocalDate.of(2024, 3, 13);
        List<Expected> expected = List.of(
                e(3, "2024-W10"), e(19, "2024-02-19"), e(20, "2015"), e(20, "2017"), e(20, "2018"), e(21, "2019-03"),
                e(30, "2024-02-29"), e(41, "2024-03-05"), e(43, "2018"));

        List<DatedStatement> found = extract(text, "ko", assumed);
        Score score = score(name, text, expected, found);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.precision()).isEqualTo(1.0);
        DatedStatement leapDay = on(found, text, 30);
        assertThat(leapDay.relative()).isTrue();
        assertThat(leapDay.resolved()).isTrue();
        assertThat(new IndexedText(text).slice(leapDay.dateSpan())).isEqualTo("지난달 2월 29일");

        // Without a date the same statements are found; the relative ones keep what was written, unresolved.
        List<DatedStatement> undated = extract(text, "ko", null);
        assertThat(undated).hasSameSizeAs(found);
        assertThat(undated).filteredOn(DatedStatement::relative)
                .extracting(s -> s.date().iso(), DatedStatement::resolved)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("XXXX-WXX", false),
                        org.assertj.core.groups.Tuple.tuple("XXXX-XX-19", false),
                        org.assertj.core.groups.Tuple.tuple("XXXX-02-29", false),
                        org.assertj.core.groups.Tuple.tuple("XXXX-XX-05", false));
    }

    @Test
    void readsTheJapaneseBulletTimeline() {
        String name = "003_11db9667bf3234db.txt";
        String text = SharedCorpus.read(name);
        List<Expected> expected = List.of(
                e(10, "2015"), e(16, "2016"), e(20, "2016"), e(23, "2016"), e(27, "2017"), e(33, "2018"));

        List<DatedStatement> found = extract(text, "ja", null);
        Score score = score(name, text, expected, found);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.precision()).isEqualTo(1.0);
        // A bullet that opens with its year is one statement, its second sentence included.
        DatedStatement first = on(found, text, 10);
        assertThat(first.text()).startsWith("2015年、").contains("。当時");
        assertThat(found).allSatisfy(s -> assertThat(s.language()).isEqualTo("ja"));
    }

    private static List<DatedStatement> extract(String text, String language, @Nullable LocalDate documentDate) {
        IndexedText indexed = new IndexedText(text);
        return DatedStatementExtractor.extract(indexed, LineSegments.of(indexed), language, documentDate);
    }

    private static Score score(String name, String text, List<Expected> expected, List<DatedStatement> found) {
        List<Expected> unmatched = new ArrayList<>(expected);
        List<String> falsePositives = new ArrayList<>();
        for (DatedStatement s : found) {
            Expected got = new Expected(lineOf(text, s), s.date().iso());
            if (!unmatched.remove(got)) {
                falsePositives.add(got.toString());
            }
        }
        Score score = new Score(expected.size(), found.size(), found.size() - falsePositives.size());
        System.out.printf("%s: hand count %d, found %d, correct %d, precision %.3f, recall %.3f; "
                        + "false positives %s; missed %s%n", name, score.expected(), score.found(), score.correct(),
                score.precision(), score.recall(), falsePositives, unmatched);
        return score;
    }

    private static DatedStatement on(List<DatedStatement> found, String text, int line) {
        return found.stream().filter(s -> lineOf(text, s) == line).findFirst()
                .orElseThrow(() -> new AssertionError("no statement on line " + line));
    }

    private static int lineOf(String text, DatedStatement s) {
        int charIndex = new IndexedText(text).charIndex(s.span().start());
        return (int) text.substring(0, charIndex).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Optional<LocalDate> publicationDate(String text) {
        try {
            return FrontMatter.parse(text).map(f -> f.string("date")).map(d -> LocalDate.parse(d.substring(0, 10)));
        } catch (org.palimpsest.archive.extraction.FrontMatterException e) {
            return Optional.empty();
        }
    }

    private static Expected e(int line, String iso) {
        return new Expected(line, iso);
    }
}
