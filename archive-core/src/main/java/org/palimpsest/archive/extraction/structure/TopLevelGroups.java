package org.palimpsest.archive.extraction.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * Cuts a Markdown text into groups of whole top-level blocks, each of which CommonMark reads alone exactly as it reads
 * it inside the whole text, so that a group can be parsed, and its result remembered, on its own.
 *
 * <p>A group may start at a line that follows a blank line (spaces and tabs only) and starts with neither indentation
 * nor a list marker. Before such a line CommonMark has closed every paragraph, block quote, table, footnote and list
 * item (none continues over a blank line into an unindented line that is no list item), and only a fence or an HTML
 * block opened at the top level may still be open. Whether one is, the parse of the group before tells: when its
 * last block is an open fence or an HTML block the group is read again with the next ones, twice as many each time,
 * until it closes or the text ends. Link reference definitions ({@code [label]: url}, footnotes too) reach across the
 * whole text, so a text with any {@code ]:} is read as one group, and so is one with carriage returns, which CommonMark
 * counts as line ends.
 */
final class TopLevelGroups {

    /** A stretch of the text, [start, end) in UTF-16 indexes. */
    record Stretch(int start, int end) {
    }

    /** A group as read, in its own indexes, and where it starts in the text. */
    record Group(int start, BlockGroup read) {
    }

    private TopLevelGroups() {
    }

    /**
     * The text's groups in order, each read by {@code read}.
     *
     * @param read reads a stretch of whole top-level blocks (or, when it says the stretch runs on, a longer one)
     */
    static List<Group> of(String markdown, Function<Stretch, BlockGroup> read) {
        if (markdown.contains("]:") || markdown.indexOf('\r') >= 0) {
            return List.of(new Group(0, read.apply(new Stretch(0, markdown.length()))));
        }
        List<Integer> starts = starts(markdown);
        List<Group> groups = new ArrayList<>();
        int first = 0;
        while (first < starts.size()) {
            int next = first + 1;
            int grow = 1;
            while (true) {
                int end = next < starts.size() ? starts.get(next) : markdown.length();
                BlockGroup group = read.apply(new Stretch(starts.get(first), end));
                if (!group.runsOn() || next == starts.size()) {
                    groups.add(new Group(starts.get(first), group));
                    first = next;
                    break;
                }
                // The parse says whether the guess was right; doubling keeps a block left open over many blank lines
                // linear, as the stretches read then add up to twice its text.
                int guess = group.openFence() == null ? -1 : startAfterClosingFence(markdown, end, group.openFence(), starts);
                next = Math.min(starts.size(), Math.max(guess, next + grow));
                grow *= 2;
            }
        }
        return groups;
    }

    /**
     * The first place a group may start after the line that most likely closes {@code fence} (at most three spaces,
     * the fence's character at least as often, then spaces only), looking from {@code from}; -1 when no line does.
     */
    private static int startAfterClosingFence(String markdown, int from, String fence, List<Integer> starts) {
        char mark = fence.charAt(0);
        int at = from;
        while (at < markdown.length()) {
            AnalysisBudget.checkpoint();
            int newline = markdown.indexOf('\n', at);
            int end = newline < 0 ? markdown.length() : newline;
            int i = at;
            while (i < end && i - at < 3 && markdown.charAt(i) == ' ') {
                i++;
            }
            int run = i;
            while (run < end && markdown.charAt(run) == mark) {
                run++;
            }
            if (run - i >= fence.length() && markdown.substring(run, end).isBlank()) {
                int index = java.util.Collections.binarySearch(starts, end);
                return index >= 0 ? index : -index - 1;
            }
            if (newline < 0) {
                break;
            }
            at = newline + 1;
        }
        return -1;
    }

    /** Where groups may start: 0, and every unindented line after a blank line that does not start a list item. */
    static List<Integer> starts(String markdown) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        boolean previousBlank = false;
        int at = 0;
        while (at < markdown.length()) {
            AnalysisBudget.checkpoint();
            int newline = markdown.indexOf('\n', at);
            int end = newline < 0 ? markdown.length() : newline;
            boolean blank = spacesAndTabsOnly(markdown, at, end);
            if (at > 0 && previousBlank && !blank && opensAtTopLevel(markdown, at, end)) {
                starts.add(at);
            }
            previousBlank = blank;
            if (newline < 0) {
                break;
            }
            at = newline + 1;
        }
        return starts;
    }

    private static boolean spacesAndTabsOnly(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the line [from, to) begins with a visible character that continues nothing open before a blank line: not
     * indentation (which continues list items, footnotes and code) and not a list marker (which continues a list).
     * Anything CommonMark might count as space or a line end, control characters included, is refused too.
     */
    private static boolean opensAtTopLevel(String text, int from, int to) {
        char c = text.charAt(from);
        if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
            return false;
        }
        return !listMarker(text, from, to);
    }

    /** A bullet ({@code - + *}) or 1–9 digits and {@code .} or {@code )}, then a space, a tab or the line's end. */
    private static boolean listMarker(String text, int from, int to) {
        char c = text.charAt(from);
        int after;
        if (c == '-' || c == '+' || c == '*') {
            after = from + 1;
        } else {
            int digits = from;
            while (digits < to && digits - from < 10 && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
                digits++;
            }
            if (digits == from || digits - from > 9 || digits >= to
                    || text.charAt(digits) != '.' && text.charAt(digits) != ')') {
                return false;
            }
            after = digits + 1;
        }
        return after >= to || text.charAt(after) == ' ' || text.charAt(after) == '\t';
    }
}
