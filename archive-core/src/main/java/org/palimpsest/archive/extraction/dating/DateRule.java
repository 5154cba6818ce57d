package org.palimpsest.archive.extraction.dating;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * One shape of date expression: a pattern and how to read a match. A pattern may name a group {@code date} when it
 * needs context that is not part of the date ("in 2017", "5일(현지시간)"): the expression is then that group only.
 * The {@link Cue} is what every match contains, looked for before the pattern runs; {@link Starts}, when known, the
 * characters a match begins with, the only places the pattern is tried.
 */
record DateRule(String name, Cue cue, Pattern pattern, boolean narrowed, Reader reader, @Nullable Starts starts) {

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
        return new DateRule(name, cue, Pattern.compile(regex, flags), regex.contains("(?<date>"), reader, null);
    }

    /**
     * This rule, whose matches all start with one of {@code chars} (in any case); at a word boundary when the pattern
     * starts with {@code \b}.
     */
    DateRule startingWith(String chars) {
        Starts starts = pattern.pattern().startsWith("\\b") ? Starts.wordStartingWith(chars) : Starts.anyOf(chars);
        return new DateRule(name, cue, pattern, narrowed, reader, starts);
    }

    /**
     * A matcher for {@link #findIn(Matcher, String, List)}: its region may start inside the text, and must then let
     * look-behinds and boundaries see what lies before and {@code ^} stay the start of the text.
     */
    Matcher matcher() {
        return pattern.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
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

    /** The expressions of this rule in {@code text}, the pattern tried at every position. */
    void findIn(String text, List<DateExpression> into) {
        Matcher m = pattern.matcher(AnalysisBudget.watch(text));
        while (m.find()) {
            add(m, into);
        }
    }

    /**
     * As {@link #findIn(String, List)}, with a {@link #matcher()} reset to {@code text} (or a watched view of it), the
     * pattern tried only where a match may start: where a search would try next, the first such place after it.
     */
    void findIn(Matcher m, String text, List<DateExpression> into) {
        if (starts == null) {
            while (m.find()) {
                add(m, into);
            }
            return;
        }
        int from = 0;
        for (int at = starts.next(text, from); at >= 0; at = starts.next(text, from)) {
            AnalysisBudget.checkpoint();
            m.region(at, text.length());
            if (m.lookingAt()) {
                add(m, into);
                from = Math.max(m.end(), at + 1);
            } else {
                from = at + 1;
            }
        }
    }

    private void add(Matcher m, List<DateExpression> into) {
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
