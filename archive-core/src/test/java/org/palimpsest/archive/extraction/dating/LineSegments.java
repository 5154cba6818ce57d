package org.palimpsest.archive.extraction.dating;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.palimpsest.archive.extraction.FrontMatter;
import org.palimpsest.archive.extraction.FrontMatterException;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.SegmentKind;

/**
 * Segments for tests, one per non-blank line, standing in for the structure analyser: a front matter block, fenced
 * code blocks, images, headings ({@code #}), list items ({@code -}, {@code *}, {@code •}, {@code 1.}), quotes
 * ({@code >}) and paragraphs. Content excludes the line's block markup, as the analyser's does.
 */
final class LineSegments {

    private static final Pattern LIST_ITEM = Pattern.compile("^[ \\t]*(?:[-*+•・]|[0-9]+[.)])[ \\t]+");
    private static final Pattern HEADING = Pattern.compile("^[ \\t]*#{1,6}[ \\t]+");
    private static final Pattern QUOTE = Pattern.compile("^[ \\t]*>[ \\t]?");

    private LineSegments() {
    }

    static List<Segment> of(IndexedText text) {
        String s = text.text();
        List<Segment> segments = new ArrayList<>();
        Map<SegmentKind, Integer> ordinals = new EnumMap<>(SegmentKind.class);
        int lineStart = bodyStart(text);
        boolean inFence = false;
        int fenceStart = -1;
        while (lineStart < s.length()) {
            int newline = s.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? s.length() : newline;
            String line = s.substring(lineStart, lineEnd);
            if (line.strip().startsWith("```")) {
                if (inFence) {
                    add(segments, ordinals, text, SegmentKind.CODE_BLOCK, fenceStart, lineEnd, fenceStart, lineEnd);
                } else {
                    fenceStart = lineStart;
                }
                inFence = !inFence;
            } else if (!inFence && !line.isBlank()) {
                SegmentKind kind = SegmentKind.PARAGRAPH;
                int contentStart = lineStart;
                Matcher m;
                if (line.strip().startsWith("![")) {
                    kind = SegmentKind.IMAGE;
                } else if ((m = HEADING.matcher(line)).find()) {
                    kind = SegmentKind.HEADING;
                    contentStart += m.end();
                } else if ((m = LIST_ITEM.matcher(line)).find()) {
                    kind = SegmentKind.LIST_ITEM;
                    contentStart += m.end();
                } else if ((m = QUOTE.matcher(line)).find()) {
                    kind = SegmentKind.BLOCK_QUOTE;
                    contentStart += m.end();
                }
                add(segments, ordinals, text, kind, lineStart, lineEnd, contentStart, lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        return segments;
    }

    /** The UTF-16 index where the body starts, after any front matter. */
    private static int bodyStart(IndexedText text) {
        try {
            Optional<FrontMatter> frontMatter = FrontMatter.parse(text.text());
            return frontMatter.map(f -> text.charIndex(f.bodyStart())).orElse(0);
        } catch (FrontMatterException e) {
            return 0;
        }
    }

    private static void add(List<Segment> into, Map<SegmentKind, Integer> ordinals, IndexedText text, SegmentKind kind,
            int start, int end, int contentStart, int contentEnd) {
        int ordinal = ordinals.merge(kind, 1, Integer::sum);
        String prefix = switch (kind) {
            case HEADING -> "h";
            case LIST_ITEM -> "li";
            case CODE_BLOCK -> "code";
            case IMAGE -> "img";
            case BLOCK_QUOTE -> "q";
            default -> "p";
        };
        into.add(new Segment(prefix + ordinal, kind, text.span(start, end), text.span(contentStart, contentEnd), null, null,
                false));
    }
}
