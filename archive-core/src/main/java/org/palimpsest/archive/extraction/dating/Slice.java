package org.palimpsest.archive.extraction.dating;

/** A UTF-16 range [start, end) of the unit being analysed. */
record Slice(int start, int end) {

    boolean contains(int index) {
        return start <= index && index < end;
    }

    boolean encloses(Slice other) {
        return start <= other.start && other.end <= end;
    }

    int length() {
        return end - start;
    }
}
