package org.palimpsest.archive.extraction.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * The text cut into lines, each knowing its quote depth ({@code >} markers), its content without them, and
 * the stretch of text it belongs to: fenced code blocks and the prose between them are separate regions, and a
 * message never runs from one region into another.
 */
final class Lines {

    /**
     * One line of the text.
     *
     * @param start UTF-16 index of the line's first character
     * @param end UTF-16 index just past its last character (the newline excluded)
     * @param depth how many {@code >} quote markers open the line
     * @param content the line without indentation, quote markers and trailing blanks
     * @param region which region the line is in; fence delimiter lines are in none ({@code -1})
     * @param inFence whether that region is a fenced code block
     * @param boundary a Markdown heading or thematic break, unquoted and outside fences: document structure,
     *     which ends any message before it
     */
    record Line(int index, int start, int end, int depth, String content, int region, boolean inFence,
                boolean boundary) {

        boolean blank() {
            return content.isEmpty();
        }
    }

    private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})");
    private static final Pattern BOUNDARY =
            Pattern.compile("^#{1,6}(?:\\s|$)|^(?:(?:-\\s*){3,}|(?:\\*\\s*){3,}|(?:_\\s*){3,})$");

    private final String text;
    private final List<Line> lines;

    private Lines(String text, List<Line> lines) {
        this.text = text;
        this.lines = lines;
    }

    static Lines of(String text) {
        List<Line> lines = new ArrayList<>();
        int region = 0;
        @Nullable String openFence = null;
        int pos = 0;
        while (true) {
            AnalysisBudget.checkpoint();
            int newline = text.indexOf('\n', pos);
            int end = newline < 0 ? text.length() : newline;
            int depth = 0;
            int i = skipBlanks(text, pos, end);
            while (i < end && (text.charAt(i) == '>' || text.charAt(i) == '＞')) {
                depth++;
                i = skipBlanks(text, i + 1, end);
            }
            String content = text.substring(i, end).strip();
            Matcher fence = FENCE.matcher(AnalysisBudget.watch(content));
            if (openFence == null && fence.find()) {
                openFence = fence.group(1);
                lines.add(new Line(lines.size(), pos, end, depth, content, -1, false, false));
                region++;
            } else if (openFence != null && closes(content, openFence)) {
                openFence = null;
                lines.add(new Line(lines.size(), pos, end, depth, content, -1, false, false));
                region++;
            } else {
                // Inside a quotation, "---" belongs to the quoted text.
                boolean boundary = openFence == null && depth == 0 && BOUNDARY.matcher(AnalysisBudget.watch(content)).find();
                lines.add(new Line(lines.size(), pos, end, depth, content, region, openFence != null, boundary));
            }
            if (newline < 0) {
                break;
            }
            pos = newline + 1;
        }
        return new Lines(text, List.copyOf(lines));
    }

    private static boolean closes(String content, String openFence) {
        char c = openFence.charAt(0);
        int n = 0;
        while (n < content.length() && content.charAt(n) == c) {
            n++;
        }
        return n >= openFence.length() && content.substring(n).isBlank();
    }

    private static int skipBlanks(String text, int from, int end) {
        int i = from;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u3000')) {
            i++;
        }
        return i;
    }

    String text() {
        return text;
    }

    int size() {
        return lines.size();
    }

    Line get(int index) {
        return lines.get(index);
    }

    /** Whether line {@code index} exists and is in {@code region}. */
    boolean inRegion(int index, int region) {
        return index >= 0 && index < lines.size() && lines.get(index).region() == region;
    }

    /** The line's raw text (indentation and quote markers kept). */
    String raw(Line line) {
        return text.substring(line.start(), line.end());
    }

    /**
     * The line with its first {@code levels} quote markers removed (and the one space after each), keeping any
     * deeper markers and the indentation of the quoted text itself.
     */
    String unquote(Line line, int levels) {
        int i = line.start();
        for (int level = 0; level < levels; level++) {
            int j = skipBlanks(text, i, line.end());
            if (j >= line.end() || (text.charAt(j) != '>' && text.charAt(j) != '＞')) {
                break;
            }
            i = j + 1;
            if (i < line.end() && text.charAt(i) == ' ') {
                i++;
            }
        }
        return text.substring(i, line.end()).stripTrailing();
    }

    /** The next non-blank line after {@code index} in its region, skipping at most {@code maxBlanks} blank lines. */
    int nextContentLine(int index, int maxBlanks) {
        int region = lines.get(index).region();
        int blanks = 0;
        for (int j = index + 1; inRegion(j, region); j++) {
            if (!lines.get(j).blank()) {
                return j;
            }
            if (++blanks > maxBlanks) {
                return -1;
            }
        }
        return -1;
    }
}
