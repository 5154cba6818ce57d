package org.palimpsest.archive.extraction.structure;

import java.util.List;
import java.util.Optional;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.SegmentKind;
import org.palimpsest.archive.extraction.Span;

/**
 * What {@link StructureAnalyzer} found in one text.
 *
 * @param segments     every block in document order, chrome included (the text stays whole; readers filter)
 * @param links        links and images in document order, bare URLs inside fenced blocks included
 * @param footnoteRefs footnote markers in running text, in document order
 */
public record DocumentStructure(List<Segment> segments, List<InlineLink> links, List<FootnoteRef> footnoteRefs) {

    public DocumentStructure {
        segments = List.copyOf(segments);
        links = List.copyOf(links);
        footnoteRefs = List.copyOf(footnoteRefs);
    }

    /** The segments a reader, the timeline and the email extractor should see: everything but chrome. */
    public List<Segment> mainFlow() {
        return segments.stream().filter(s -> !s.chrome()).toList();
    }

    /** Boilerplate segments, whatever their kind. */
    public List<Segment> chrome() {
        return segments.stream().filter(Segment::chrome).toList();
    }

    public List<Segment> ofKind(SegmentKind kind) {
        return segments.stream().filter(s -> s.kind() == kind).toList();
    }

    public Optional<Segment> segment(String id) {
        return segments.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The smallest segment whose span contains {@code span}. */
    public Optional<Segment> segmentContaining(Span span) {
        return segments.stream()
                .filter(s -> s.span().contains(span))
                .min((a, b) -> Integer.compare(a.span().length(), b.span().length()));
    }

    /** Links whose span lies inside {@code segment}. */
    public List<InlineLink> linksIn(Segment segment) {
        return links.stream().filter(l -> segment.span().contains(l.span())).toList();
    }
}
