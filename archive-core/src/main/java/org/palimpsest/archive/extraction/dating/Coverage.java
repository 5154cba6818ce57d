package org.palimpsest.archive.extraction.dating;

import java.util.Arrays;
import java.util.List;

/**
 * Which positions a set of ranges covers, answered in logarithmic time: ranges sorted by start with the furthest
 * end reached so far, so that a splitter asking about every character of a block costs {@code n log k}, not
 * {@code n · k} (a block of thousands of dates or quotations made that quadratic).
 */
final class Coverage {

    private final int[] starts;
    /** furthest[k] = the largest end among the ranges starts[0..k]. */
    private final int[] furthest;

    /** @param ranges start (inclusive) and end (exclusive) of each range; any order, overlaps allowed */
    private Coverage(int[][] ranges) {
        Arrays.sort(ranges, (a, b) -> Integer.compare(a[0], b[0]));
        starts = new int[ranges.length];
        furthest = new int[ranges.length];
        int max = Integer.MIN_VALUE;
        for (int k = 0; k < ranges.length; k++) {
            starts[k] = ranges[k][0];
            max = Math.max(max, ranges[k][1]);
            furthest[k] = max;
        }
    }

    static Coverage of(List<Slice> slices) {
        return new Coverage(slices.stream().map(s -> new int[] {s.start(), s.end()}).toArray(int[][]::new));
    }

    /** Coverage of the insides of {@code slices}: each without its first and last position. */
    static Coverage insidesOf(List<Slice> slices) {
        return new Coverage(slices.stream().map(s -> new int[] {s.start() + 1, s.end() - 1}).toArray(int[][]::new));
    }

    /** True when some range starts at or before {@code index} and ends after it. */
    boolean covers(int index) {
        return furthestEndOfStartsUpTo(index) > index;
    }

    /** True when some range starts at or before {@code from} and ends at or after {@code to}. */
    boolean covers(int from, int to) {
        return furthestEndOfStartsUpTo(from) >= to;
    }

    private int furthestEndOfStartsUpTo(int index) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= index) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? Integer.MIN_VALUE : furthest[lo - 1];
    }
}
