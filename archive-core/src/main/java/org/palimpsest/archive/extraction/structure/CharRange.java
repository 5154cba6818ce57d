package org.palimpsest.archive.extraction.structure;

/**
 * A UTF-16 index range [start, end) of the analysed string. The analysis works in string indexes, as
 * commonmark and regexes do, and converts to code-point {@code Span}s only when it builds its results.
 */
record CharRange(int start, int end) {

    boolean contains(int index) {
        return start <= index && index < end;
    }

    CharRange movedBy(int offset) {
        return new CharRange(start + offset, end + offset);
    }

    boolean isEmpty() {
        return start == end;
    }
}
