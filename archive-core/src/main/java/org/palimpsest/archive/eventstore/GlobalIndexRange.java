package org.palimpsest.archive.eventstore;

import java.util.List;
import java.util.stream.LongStream;

/**
 * A closed range of global event indexes, {@code first} to {@code last} inclusive.
 *
 * @param first the lowest index in the range
 * @param last  the highest index in the range, not below {@code first}
 */
record GlobalIndexRange(long first, long last) {

    GlobalIndexRange {
        if (last < first) {
            throw new IllegalArgumentException("Empty range " + first + ".." + last);
        }
    }

    /** The range of {@code count} indexes that starts at {@code first}. */
    static GlobalIndexRange startingAt(long first, int count) {
        return new GlobalIndexRange(first, first + count - 1);
    }

    /** The range of {@code count} indexes that ends at {@code last}. */
    static GlobalIndexRange endingAt(long last, int count) {
        return new GlobalIndexRange(last - count + 1, last);
    }

    /** The index at {@code position} (0-based) in this range. */
    long indexAt(int position) {
        return first + position;
    }

    List<Long> indexes() {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    @Override
    public String toString() {
        return first == last ? Long.toString(first) : first + ".." + last;
    }
}
