package org.palimpsest.archive.extraction;

/**
 * A stretch of a document's text in Unicode code points of the NFC text, {@code start} inclusive and
 * {@code end} exclusive. Code points rather than UTF-16 units so that offsets mean the same in every client
 * language and survive characters outside the Basic Multilingual Plane.
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    public boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
