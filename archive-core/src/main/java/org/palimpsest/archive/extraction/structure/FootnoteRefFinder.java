package org.palimpsest.archive.extraction.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.SegmentKind;

/**
 * Finds footnote markers {@code [^label]} outside code and front matter, and links each to the FOOTNOTE
 * segment that holds its body. Markers are found by pattern rather than from the commonmark tree because
 * commonmark only recognises a marker whose definition exists, and a scraped document often keeps the marker
 * and loses the body; such a marker is still reported, with no segment. Labels match case-insensitively, as
 * in CommonMark.
 */
final class FootnoteRefFinder {

    private static final Pattern MARKER = Pattern.compile("\\[\\^([^\\]\\s]{1,100})]");
    private static final Pattern DEFINITION = Pattern.compile("\\[\\^([^\\]\\s]{1,100})]:");

    private FootnoteRefFinder() {
    }

    static List<FootnoteRef> find(IndexedText indexed, List<Segment> segments, LiteralText literal) {
        String text = indexed.text();
        Map<String, String> bodies = new HashMap<>();
        int frontMatterEnd = 0;
        for (Segment segment : segments) {
            if (segment.kind() == SegmentKind.FOOTNOTE) {
                Matcher m = DEFINITION.matcher(AnalysisBudget.watch(indexed.slice(segment.span())));
                if (m.lookingAt()) {
                    bodies.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), segment.id());
                }
            } else if (segment.kind() == SegmentKind.FRONT_MATTER) {
                frontMatterEnd = indexed.charIndex(segment.span().end());
            }
        }
        List<FootnoteRef> refs = new ArrayList<>();
        Matcher m = MARKER.matcher(AnalysisBudget.watch(text));
        while (m.find()) {
            if (m.start() < frontMatterEnd || literal.inCode(m.start()) || isDefinitionLabel(text, m)) {
                continue;
            }
            String label = m.group(1);
            refs.add(new FootnoteRef(indexed.span(m.start(), m.end()), label,
                    bodies.get(label.toLowerCase(Locale.ROOT))));
        }
        return refs;
    }

    /** The {@code [^1]} of a {@code [^1]: body} line: followed by a colon, nothing but markers before it. */
    private static boolean isDefinitionLabel(String text, Matcher m) {
        if (m.end() >= text.length() || text.charAt(m.end()) != ':') {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', m.start() - 1) + 1;
        return text.substring(lineStart, m.start()).replaceAll("[\\s>]", "").isEmpty();
    }
}
