package org.palimpsest.archive.extraction.dating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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

    private DateExpressionFinder() {
    }

    /** The expressions in {@code sentence}, in reading order, none overlapping; indexes are the sentence's own. */
    static List<DateExpression> find(String sentence) {
        List<DateExpression> all = new ArrayList<>();
        for (DateRule rule : RULES) {
            rule.findIn(sentence, all);
        }
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
