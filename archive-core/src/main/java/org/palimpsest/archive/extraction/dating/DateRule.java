package org.palimpsest.archive.extraction.dating;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * One shape of date expression: a pattern and how to read a match. A pattern may name a group {@code date} when it
 * needs context that is not part of the date ("in 2017", "5일(현지시간)"): the expression is then that group only.
 * The {@link Cue} is what every match contains, looked for before the pattern runs.
 */
record DateRule(String name, Cue cue, Pattern pattern, boolean narrowed, Reader reader) {

    @FunctionalInterface
    interface Reader {
        /** What the match says, or null when it is not a date after all (month 13, February 30, year 1066). */
        @Nullable DateReference read(Matcher match);
    }

    static DateRule of(String name, Cue cue, String regex, Reader reader) {
        return new DateRule(name, cue, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                regex.contains("(?<date>"), reader);
    }

    void findIn(String text, List<DateExpression> into) {
        findIn(pattern.matcher(AnalysisBudget.watch(text)), into);
    }

    /** As {@link #findIn(String, List)} with a matcher of this rule's pattern already reset to the text. */
    void findIn(Matcher m, List<DateExpression> into) {
        while (m.find()) {
            DateReference meaning;
            try {
                meaning = reader.read(m);
            } catch (IllegalArgumentException notADate) {
                meaning = null;
            }
            if (meaning != null) {
                Slice at = narrowed ? new Slice(m.start("date"), m.end("date")) : new Slice(m.start(), m.end());
                into.add(new DateExpression(at, meaning));
            }
        }
    }
}
