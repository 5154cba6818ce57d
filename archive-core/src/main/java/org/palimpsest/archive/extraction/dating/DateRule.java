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

    /** How every rule's pattern compares letters; a pattern without letters that have case can do without it. */
    static final int CASE_INSENSITIVE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** The regex syntax whose letters say nothing about case: group names, escapes, the Han script property. */
    private static final Pattern SYNTAX = Pattern.compile("\\\\(?:[bstQE.]|u[0-9A-Fa-f]{4}|p\\{IsHan})|\\(\\?<[A-Za-z][A-Za-z0-9]*>");

    private static final Pattern BOTH_CASES = Pattern.compile("\\[(\\p{L})(\\p{L})]");

    static DateRule of(String name, Cue cue, String regex, Reader reader) {
        // Comparing without case costs a case mapping of every character tried, and most rules (Korean, Japanese,
        // numeric) have no letter to which case could apply: those compare exactly, which finds the same matches.
        int flags = hasCasedLetters(regex) ? CASE_INSENSITIVE : 0;
        return new DateRule(name, cue, Pattern.compile(regex, flags), regex.contains("(?<date>"), reader);
    }

    /**
     * True when {@code regex}, its syntax aside, has a character that case-insensitive matching would widen. A class
     * of one letter in both its cases ({@code [Qq]}) is already what case-insensitive matching makes of the letter,
     * unless some third character folds to it too (the Kelvin sign to {@code k}).
     */
    static boolean hasCasedLetters(String regex) {
        Matcher pair = BOTH_CASES.matcher(SYNTAX.matcher(regex).replaceAll("("));
        StringBuilder bare = new StringBuilder();
        while (pair.find()) {
            char a = pair.group(1).charAt(0);
            char b = pair.group(2).charAt(0);
            boolean complete = a != b && Cue.Index.fold(a) == Cue.Index.fold(b) && Cue.Index.foldingTo(Cue.Index.fold(a)) == 2;
            pair.appendReplacement(bare, complete ? "(" : "$0");
        }
        pair.appendTail(bare);
        return bare.codePoints()
                .anyMatch(c -> Character.toUpperCase(c) != c || Character.toLowerCase(c) != c || Character.isTitleCase(c));
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
