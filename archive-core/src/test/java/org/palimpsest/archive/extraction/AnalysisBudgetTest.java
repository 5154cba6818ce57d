package org.palimpsest.archive.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.extraction.email.EmailExtractor;
import org.palimpsest.archive.extraction.structure.StructureAnalyzer;

/** The cooperative budget stops an analysis that runs too long, names it, and leaves every other one alone. */
class AnalysisBudgetTest {

    /** Dated header lines, about 500 KB: enough work for every analyser. */
    private static final String BIG = ("From: Dana Whitlock <dana@example.org>\nDate: 3 March 2015 10:14 +0900\n"
            + "Subject: the 2015년 12월 meeting, moved to 2016年1月\n\nWe met in March 2015 and again in 2016.\n\n").repeat(5_000);

    @Test
    void aTinyBudgetStopsALongAnalysisWithAnExceptionNamingAnalyserDocumentLengthAndBudget() {
        AnalysisBudget tiny = AnalysisBudget.of(Duration.ofMillis(1));

        assertThatThrownBy(() -> tiny.run("emails", "doc-7", BIG.length(), () -> EmailExtractor.extract(BIG)))
                .isInstanceOfSatisfying(AnalysisBudgetExceededException.class, e -> {
                    assertThat(e.analyser()).isEqualTo("emails");
                    assertThat(e.documentId()).isEqualTo("doc-7");
                    assertThat(e.textLength()).isEqualTo(BIG.length());
                    assertThat(e.budget()).isEqualTo(Duration.ofMillis(1));
                    assertThat(e.getMessage()).contains("emails", "doc-7", String.valueOf(BIG.length()), "1 ms");
                });
    }

    @Test
    void theStructureAnalyserStopsToo() {
        AnalysisBudget tiny = AnalysisBudget.of(Duration.ofMillis(1));

        assertThatThrownBy(() -> tiny.run("reading-views", "doc-8", BIG.length(), () -> StructureAnalyzer.analyze(BIG)))
                .isInstanceOf(AnalysisBudgetExceededException.class);
    }

    @Test
    void aWatchedTextStopsARegexThatBacktracksWithoutEnd() {
        // Twelve nested .* on a text without b: about 30^12 ways to fail; unwatched this runs for hours.
        Pattern runaway = Pattern.compile("(.*a){12}b");
        String as = "a".repeat(40);
        AnalysisBudget budget = AnalysisBudget.of(Duration.ofMillis(200));

        long start = System.nanoTime();
        assertThatThrownBy(() -> budget.run("test", "doc-9", as.length(),
                () -> runaway.matcher(AnalysisBudget.watch(as)).find()))
                .isInstanceOf(AnalysisBudgetExceededException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theStandardBudgetLetsTheSameAnalysisFinish() {
        var emails = AnalysisBudget.standard().run("emails", "doc-7", BIG.length(), () -> EmailExtractor.extract(BIG));

        assertThat(emails).hasSize(5_000);
    }

    @Test
    void outsideABudgetNothingIsWatchedOrStopped() {
        assertThat(AnalysisBudget.watch("text")).isSameAs("text");
        for (int i = 0; i < 100_000; i++) {
            AnalysisBudget.checkpoint();
        }
        AnalysisBudget.of(Duration.ofMillis(1)).run("x", "d", 0, () -> 1);
        assertThat(AnalysisBudget.watch("text")).as("the scope ends with run").isSameAs("text");
    }

    @Test
    void aBudgetMustBePositive() {
        assertThatThrownBy(() -> AnalysisBudget.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
