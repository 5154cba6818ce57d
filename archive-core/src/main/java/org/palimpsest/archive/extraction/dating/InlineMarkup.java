package org.palimpsest.archive.extraction.dating;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.StartingChars;

/**
 * Markdown inside a block: emphasis, links, images, inline code, URLs. Dates are looked for in a <em>masked</em> copy,
 * of the same length so that indexes still point into the original, where markup is blanked out: the digits of a URL
 * ({@code expires=1772290799}) are no date, and {@code **2015년 11월**} reads as a date at the head of its item.
 */
final class InlineMarkup {

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]*]\\([^)\\n]*\\)");
    private static final Pattern LINK_TARGET = Pattern.compile("]\\([^)\\s]*(?:\\s+\"[^\"\\n]*\")?\\)");
    private static final Pattern URL = Pattern.compile("<(?:https?|ftp)://[^\\s<>]*>|(?:https?|ftp)://[^\\s<>)\\]]*[^\\s<>)\\].,;:!?'\"]|<[^\\s<>@]+@[^\\s<>]+>");
    private static final Pattern CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern MARKERS = Pattern.compile("[*_\\[\\]]");
    // The patterns of plain(), compiled once: it runs once per dated statement.
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]*)]\\([^)\\n]*\\)");
    private static final Pattern BRACKETED_URL = Pattern.compile("<((?:https?|ftp)://[^\\s<>]*)>");
    private static final Pattern BRACKETS = Pattern.compile("[\\[\\]]");
    private static final Pattern EMPHASIS = Pattern.compile(
            "\\*\\*|__|(?<![\\p{L}\\p{N}])[*_](?=\\S)|(?<=\\S)[*_](?![\\p{L}\\p{N}])|`");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private InlineMarkup() {
    }

    /** {@code text} with markup and URLs replaced by spaces, character for character. */
    static String mask(String text) {
        return mask(text, true);
    }

    /**
     * As {@link #mask(String)}; with {@code shortcuts}, each pattern is tried only where one of the characters its
     * matches start with stands (what the tests compare with trying every position).
     */
    static String mask(String text, boolean shortcuts) {
        StringBuilder masked = new StringBuilder(text);
        blank(masked, text, IMAGE, shortcuts ? "!" : null);
        blank(masked, text, LINK_TARGET, shortcuts ? "]" : null);
        blank(masked, text, URL, shortcuts ? "<hf" : null);
        blank(masked, text, CODE, shortcuts ? "`" : null);
        blank(masked, text, MARKERS, shortcuts ? "*_[]" : null);
        return masked.toString();
    }

    /** {@code text} as a reader sees it: link texts without their targets, no emphasis markers, whitespace collapsed. */
    static String plain(String text) {
        String s = IMAGE.matcher(AnalysisBudget.watch(text)).replaceAll("");
        s = LINK.matcher(AnalysisBudget.watch(s)).replaceAll("$1");
        s = BRACKETED_URL.matcher(AnalysisBudget.watch(s)).replaceAll("$1");
        // A sentence may start or end inside a link: drop what is left of its brackets and target.
        s = LINK_TARGET.matcher(AnalysisBudget.watch(s)).replaceAll("");
        s = BRACKETS.matcher(AnalysisBudget.watch(s)).replaceAll("");
        s = EMPHASIS.matcher(AnalysisBudget.watch(s)).replaceAll("");
        return WHITESPACE.matcher(AnalysisBudget.watch(s)).replaceAll(" ").strip();
    }

    private static void blank(StringBuilder into, String text, Pattern pattern, @Nullable String starts) {
        if (starts != null) {
            StartingChars.forEachMatch(pattern, text, starts, m -> blank(into, m));
            return;
        }
        Matcher m = pattern.matcher(AnalysisBudget.watch(text));
        while (m.find()) {
            blank(into, m);
        }
    }

    private static void blank(StringBuilder into, Matcher m) {
        for (int i = m.start(); i < m.end(); i++) {
            if (!Character.isWhitespace(into.charAt(i)) || into.charAt(i) == '\u00A0') {
                into.setCharAt(i, ' ');
            }
        }
    }
}
