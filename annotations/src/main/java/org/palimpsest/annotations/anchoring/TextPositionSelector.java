package org.palimpsest.annotations.anchoring;

import org.palimpsest.archive.extraction.Span;

/**
 * W3C {@code TextPositionSelector}: start inclusive, end exclusive, in code points of the NFC text of the revision
 * the annotation was made on (the same unit as {@link Span}, so it means the same in every client language).
 */
public record TextPositionSelector(int start, int end) {

    public TextPositionSelector {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid text position [" + start + ", " + end + ")");
        }
    }

    public static TextPositionSelector of(Span span) {
        return new TextPositionSelector(span.start(), span.end());
    }

    public Span span() {
        return new Span(start, end);
    }
}
