package org.palimpsest.archive.projection.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.AnalysisBudgetExceededException;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.email.EmailExtractor;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.extraction.redaction.RedactionFinder;
import org.palimpsest.archive.extraction.structure.StructureAnalyzer;
import org.palimpsest.archive.projection.timeline.TimelineAnalysis;

/** Asking the cache gives what analysing afresh gives, once per content; failures are never kept. */
class AnalysisCacheTest {

    static final NameCatalog NAMES = NameCatalog.parse("""
            - id: orla-venn
              canonical: Orla Venn
              kind: person
              aliases: [Orla Venn, 오를라 벤]
            """);

    /** Texts of different shapes, written for this test: each analysis finds something in some of them. */
    static List<String> texts() {
        return List.of(
                "",
                "A single line with no structure at all.",
                """
                # Harbour works resume

                On 14 March 2019 Orla Venn signed the dredging contract. Work stopped in late 2020.

                - first phase: spring 2021
                - second phase: 2023년 5월

                > The budget line was ██████ won, the memo says.
                """,
                """
                Forwarded below for the record.

                From: Orla Venn <orla@example.org>
                To: [REDACTED]
                Date: Tue, 3 Sep 2024 09:15:00 +0900
                Subject: pier inspection

                The inspection is moved to 10 September 2024.

                > On Mon, 2 Sep 2024, Teo Marsh wrote:
                > Can we meet before the inspection?
                """,
                """
                보낸 사람: 오를라 벤 <orla@example.org>
                받는 사람: ███ ████
                날짜: 2024년 9월 3일 오전 9:15
                제목: 점검 일정

                점검은 2024년 9월 10일로 옮겨졌습니다.
                """,
                "| year | event |\n|---|---|\n| 2018 | survey |\n| 2019 | contract |\n\nFootnote here.[^1]\n\n[^1]: Early 2018, per the survey.\n");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void everyAnalysisThroughTheCacheEqualsTheAnalysisDoneDirectly(String text) {
        AnalysisCache cache = AnalysisCache.standard();
        TimelineAnalysis.Of timeline = new TimelineAnalysis.Of("en", "2024-09-03", NAMES);

        for (int round = 0; round < 2; round++) {
            assertThat(cache.get(TextAnalyses.STRUCTURE, text)).isEqualTo(StructureAnalyzer.analyze(text));
            assertThat(cache.get(TextAnalyses.REDACTIONS, text)).isEqualTo(RedactionFinder.find(new IndexedText(text)));
            assertThat(cache.get(TextAnalyses.EMAILS, text)).isEqualTo(EmailExtractor.extract(text));
            assertThat(cache.get(timeline, text)).isEqualTo(TimelineAnalysis.analyse(text, "en", "2024-09-03", NAMES));
        }
        assertThat(cache.runs("structure")).isEqualTo(1);
        assertThat(cache.runs("emails")).isEqualTo(1);
        assertThat(cache.runs("timeline")).isEqualTo(1);
        assertThat(cache.runs("redactions")).isEqualTo(1);
    }

    @Test
    void theFixtureTextsExerciseEveryAnalysis() {
        // Without this the equality above could hold between empty answers only.
        List<String> texts = texts();
        assertThat(texts.stream().mapToInt(t -> StructureAnalyzer.analyze(t).segments().size()).sum()).isGreaterThan(10);
        assertThat(texts.stream().mapToInt(t -> RedactionFinder.find(new IndexedText(t)).size()).sum()).isGreaterThanOrEqualTo(3);
        assertThat(texts.stream().mapToInt(t -> EmailExtractor.extract(t).size()).sum()).isGreaterThanOrEqualTo(2);
        assertThat(texts.stream().mapToInt(t -> TimelineAnalysis.analyse(t, "en", "2024-09-03", NAMES).size()).sum())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void resultsAreSharedAndCannotBeChangedByWhoeverHoldsThem() {
        AnalysisCache cache = AnalysisCache.standard();
        String text = texts().get(3);

        List<Redaction> first = cache.get(TextAnalyses.REDACTIONS, text);
        assertThat(cache.get(TextAnalyses.REDACTIONS, text)).isSameAs(first);
        assertThatThrownBy(() -> first.clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cache.get(TextAnalyses.EMAILS, text).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cache.get(new TimelineAnalysis.Of("en", null, NAMES), text).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cache.get(TextAnalyses.STRUCTURE, text).segments().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anAnalysisWithOtherParametersIsAnotherResult() {
        AnalysisCache cache = AnalysisCache.standard();
        String text = "Last month the pier reopened.\n";

        List<TimelineAnalysis.Found> published2024 = cache.get(new TimelineAnalysis.Of("en", "2024-09-03", NAMES), text);
        List<TimelineAnalysis.Found> published2019 = cache.get(new TimelineAnalysis.Of("en", "2019-02-10", NAMES), text);

        assertThat(published2024).isEqualTo(TimelineAnalysis.analyse(text, "en", "2024-09-03", NAMES));
        assertThat(published2019).isEqualTo(TimelineAnalysis.analyse(text, "en", "2019-02-10", NAMES));
        assertThat(published2024).isNotEqualTo(published2019);
        assertThat(cache.runs("timeline")).isEqualTo(2);
        assertThat(cache.runs("structure")).as("both read the one structure of the text").isEqualTo(1);
    }

    @Test
    void aTextWithOneSentenceFixedIsAnalysedAgainOnlyInTheBlockTheUnitAndTheSectionThatHoldIt() {
        AnalysisCache cache = AnalysisCache.standard();
        String text = texts().get(2) + "\n## Correspondence\n\n" + texts().get(3);
        String fixed = text.replace("Work stopped in late 2020.", "Work stopped in late 2021.");
        TimelineAnalysis.Of timeline = new TimelineAnalysis.Of("en", "2024-09-03", NAMES);
        cache.get(TextAnalyses.STRUCTURE, text);
        cache.get(TextAnalyses.EMAILS, text);
        cache.get(timeline, text);
        long groups = cache.runs("structure of a block group");
        long units = cache.runs("dated statements of a unit");
        long sections = cache.runs("emails of a section");

        assertThat(cache.get(TextAnalyses.STRUCTURE, fixed)).isEqualTo(StructureAnalyzer.analyze(fixed));
        assertThat(cache.get(TextAnalyses.EMAILS, fixed)).isEqualTo(EmailExtractor.extract(fixed));
        assertThat(cache.get(timeline, fixed)).isEqualTo(TimelineAnalysis.analyse(fixed, "en", "2024-09-03", NAMES));

        assertThat(groups).as("groups of the first text").isGreaterThan(5);
        assertThat(cache.runs("structure of a block group") - groups).isEqualTo(1);
        assertThat(cache.runs("dated statements of a unit") - units).isEqualTo(1);
        assertThat(sections).as("sections of the first text, cut at its second heading").isEqualTo(2);
        assertThat(cache.runs("emails of a section") - sections).isEqualTo(1);
        assertThat(cache.runs("structure")).as("whole texts").isEqualTo(2);
    }

    @Test
    void aTextChangedByOneCharacterIsAnalysedAgain() {
        AnalysisCache cache = AnalysisCache.standard();

        cache.get(TextAnalyses.STRUCTURE, "# Title\n\nBody text.\n");
        cache.get(TextAnalyses.STRUCTURE, "# Title\n\nBody text!\n");

        assertThat(cache.runs("structure")).isEqualTo(2);
    }

    @Test
    void anAnalysisPastItsBudgetFailsAndIsNotKeptSoTheNextAskRunsItAgain() {
        AnalysisCache cache = AnalysisCache.standard();
        String big = "- In March 2015 Orla Venn met the board, and in 2016년 1월 again.\n".repeat(3_000);
        TimelineAnalysis.Of timeline = new TimelineAnalysis.Of("en", "2024-01-01", NAMES);

        assertThatThrownBy(() -> AnalysisBudget.of(Duration.ofMillis(1)).run("timeline", "big", big.length(),
                () -> cache.get(timeline, big))).isInstanceOf(AnalysisBudgetExceededException.class);
        List<TimelineAnalysis.Found> found = AnalysisBudget.standard().run("timeline", "big", big.length(),
                () -> cache.get(timeline, big));

        assertThat(found).hasSize(3_000);
        assertThat(cache.runs("timeline")).isEqualTo(2);
    }

    @Test
    void aCacheOfNoSizeKeepsNothingButStillAnswersRight() {
        AnalysisCache cache = AnalysisCache.holding(0);
        String text = texts().get(2);

        for (int round = 0; round < 3; round++) {
            assertThat(cache.get(TextAnalyses.STRUCTURE, text)).isEqualTo(StructureAnalyzer.analyze(text));
        }
        assertThat(cache.runs("structure")).isEqualTo(3);
    }

    @Test
    void itHoldsNoMoreTextThanItsBound() {
        AnalysisCache cache = AnalysisCache.holding(2 * 2_500);   // room for two texts of 1 000 UTF-16 characters
        List<String> texts = java.util.stream.IntStream.range(0, 10).mapToObj(i -> ("text " + i + " ").repeat(125)).toList();

        texts.forEach(t -> cache.get(TextAnalyses.STRUCTURE, t));
        texts.forEach(t -> cache.get(TextAnalyses.STRUCTURE, t));

        assertThat(cache.runs("structure")).as("at most two of the ten are still held the second time")
                .isBetween(18L, 20L);
    }

    @Test
    void twoProjectionsAskingAtOnceRunTheAnalysisOnce() throws Exception {
        AnalysisCache cache = AnalysisCache.standard();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        TextAnalysis<String> slow = new Blocking(started, release, ran, false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> cache.get(slow, "the text"));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> cache.get(slow, "the text"));
            Thread.sleep(50);   // the second is waiting for the first's result, or gets it from the cache after
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("analysed: the text");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("analysed: the text");
            assertThat(ran).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenTheAnalysisAnotherWaitsForFailsTheWaiterRunsItItself() throws Exception {
        AnalysisCache cache = AnalysisCache.standard();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        TextAnalysis<String> failingOnce = new Blocking(started, release, ran, true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> cache.get(failingOnce, "the text"));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> cache.get(failingOnce, "the text"));
            Thread.sleep(50);
            release.countDown();

            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("analysed: the text");
            assertThat(ran).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Holds its first run until released; the first run fails when {@code failFirst}. */
    private record Blocking(CountDownLatch started, CountDownLatch release, AtomicInteger ran, boolean failFirst)
            implements TextAnalysis<String> {

        @Override
        public String name() {
            return "blocking";
        }

        @Override
        public String analyse(String text, AnalysisCache shared) {
            int run = ran.incrementAndGet();
            if (run == 1) {
                started.countDown();
                try {
                    if (!release.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (failFirst) {
                    throw new IllegalStateException("first run fails");
                }
            }
            return "analysed: " + text;
        }
    }
}
