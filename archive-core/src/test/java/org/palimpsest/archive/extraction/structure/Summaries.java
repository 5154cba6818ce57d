package org.palimpsest.archive.extraction.structure;

import java.util.List;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.SegmentKind;

/**
 * Segments written compactly for table-driven expectations: {@code id[/level][*] content}, where {@code *}
 * marks a chrome segment that kept its structural kind, and line breaks in the content show as {@code ⏎}.
 * A CHROME segment needs no star: its id says it.
 */
final class Summaries {

    private Summaries() {
    }

    static List<String> of(String text) {
        return of(text, StructureAnalyzer.analyze(text));
    }

    static List<String> of(String text, DocumentStructure structure) {
        IndexedText indexed = new IndexedText(text);
        return structure.segments().stream().map(s -> summary(indexed, s)).toList();
    }

    static String summary(IndexedText text, Segment segment) {
        StringBuilder out = new StringBuilder(segment.id());
        if (segment.level() != null) {
            out.append('/').append(segment.level());
        }
        if (segment.chrome() && segment.kind() != SegmentKind.CHROME) {
            out.append('*');
        }
        String content = text.slice(segment.content()).replace("\n", "⏎");
        return content.isEmpty() ? out.toString() : out.append(' ').append(content).toString();
    }
}
