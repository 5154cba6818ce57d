package org.palimpsest.archive.extraction.dating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * Finds the date expressions of a sentence in every language at once: the archive's sentences mix scripts (a Korean
 * sentence quoting "September 2017"), and the patterns of one language do not fire on another's text. Where patterns
 * overlap the leftmost, then longest, wins: {@code 2017년 9월 15일} over the {@code 9월 15일} inside it.
 */
final class DateExpressionFinder {

    private static final List<DateRule> RULES = Stream.of(
                    KoreanDates.rules(), ChineseJapaneseDates.rules(), EnglishDates.rules(), NumericDates.rules())
            .flatMap(List::stream)
            .toList();

    private static final Comparator<DateExpression> LEFTMOST_LONGEST = Comparator
            .comparingInt((DateExpression e) -> e.at().start())
            .thenComparing(Comparator.comparingInt((DateExpression e) -> e.at().length()).reversed());

    /** The cues of the rules, in the rules' order, all looked for in one pass over a text. */
    private static final Cue.Index CUES = new Cue.Index(RULES.stream().map(DateRule::cue).toList());

    /**
     * One matcher per rule and thread, reset for each sentence: a document has as many sentences as it has lines or
     * more, and allocating dozens of matchers for each was a large part of the timeline's time.
     */
    private static final ThreadLocal<Matcher[]> MATCHERS = ThreadLocal.withInitial(
            () -> RULES.stream().map(DateRule::matcher).toArray(Matcher[]::new));

    private DateExpressionFinder() {
    }

    /** The expressions in {@code sentence}, in reading order, none overlapping; indexes are the sentence's own. */
    static List<DateExpression> find(String sentence) {
        long cues = CUES.scan(sentence);
        if (cues == 0) {
            return new ArrayList<>();
        }
        List<DateExpression> all = new ArrayList<>();
        Matcher[] matchers = MATCHERS.get();
        CharSequence watched = AnalysisBudget.watch(sentence);
        for (int r = 0; r < matchers.length; r++) {
            if (CUES.test(r, cues)) {
                RULES.get(r).findIn(matchers[r].reset(watched), sentence, all);
            }
        }
        return leftmostLongest(all);
    }

    /**
     * As {@link #find(String)} without its shortcuts: every rule's pattern, compiled case-insensitive as first
     * written, runs over the whole sentence whatever its cue. The same answer, only slower; the tests hold the
     * shortcuts to it.
     */
    static List<DateExpression> findWithoutShortcuts(String sentence) {
        List<DateExpression> all = new ArrayList<>();
        for (DateRule rule : AsWritten.RULES) {
            rule.findIn(sentence, all);
        }
        return leftmostLongest(all);
    }

    /** The rules compiled case-insensitive, as they were written; built on first use, by the tests only. */
    private static final class AsWritten {
        static final List<DateRule> RULES = DateExpressionFinder.RULES.stream()
                .map(rule -> new DateRule(rule.name(), rule.cue(),
                        Pattern.compile(rule.pattern().pattern(), DateRule.CASE_INSENSITIVE), rule.narrowed(), rule.reader(),
                        null))
                .toList();
    }

    private static List<DateExpression> leftmostLongest(List<DateExpression> all) {
        all.sort(LEFTMOST_LONGEST);
        List<DateExpression> kept = new ArrayList<>();
        int end = 0;
        for (DateExpression e : all) {
            if (e.at().start() >= end) {
                kept.add(e);
                end = e.at().end();
            }
        }
        return kept;
    }
}
