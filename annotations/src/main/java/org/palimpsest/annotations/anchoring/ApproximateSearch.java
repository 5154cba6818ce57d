package org.palimpsest.annotations.anchoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Approximate search of one pattern in a text by edit distance (insertions, deletions, substitutions), over code
 * points. It is Myers' bit-parallel algorithm (J. ACM 46(3), 1999) in Hyyrö's block form, the same method as the
 * approx-string-match library the Hypothesis client anchors with: one column of the distance matrix per text code
 * point, 64 pattern rows per machine word, so O(n · ⌈m/64⌉) for any pattern length. We wrote it rather than take
 * diff-match-patch because its Bitap {@code match_main} stops at 32-character patterns, counts UTF-16 units and
 * mixes a location penalty into the match itself; here matching and scoring stay separate.
 */
final class ApproximateSearch {

    /** A match ending at {@code end} (exclusive) with {@code errors} edits; found by {@link #ends}. */
    record End(int end, int errors) {
    }

    /** A located match: {@code [start, end)} in code points, {@code errors} edits away from the pattern. */
    record Match(int start, int end, int errors) {
    }

    private static final long[] NO_MATCH = new long[0];

    private final int[] pattern;
    private final int blocks;
    /** For each code point of the pattern, the bit vectors of the rows where it occurs ("Peq"). */
    private final Map<Integer, long[]> rowsOf = new HashMap<>();
    /** The bit of the last pattern row in the last block. */
    private final long lastRowBit;
    private ApproximateSearch reversed;

    ApproximateSearch(int[] pattern) {
        if (pattern.length == 0) {
            throw new IllegalArgumentException("empty pattern");
        }
        this.pattern = pattern;
        this.blocks = (pattern.length + 63) / 64;
        for (int i = 0; i < pattern.length; i++) {
            rowsOf.computeIfAbsent(pattern[i], c -> new long[blocks])[i / 64] |= 1L << (i % 64);
        }
        this.lastRowBit = 1L << ((pattern.length - 1) % 64);
    }

    static int[] codePoints(String s) {
        return s.codePoints().toArray();
    }

    /** Levenshtein distance between {@code a} and {@code b}. */
    static int distance(int[] a, int[] b) {
        if (a.length == 0) {
            return b.length;
        }
        return new ApproximateSearch(a).lastRow(b, true)[b.length];
    }

    /**
     * The last row of the distance matrix: entry {@code j} is the fewest edits turning the pattern into a text
     * substring that ends at {@code j}. In search mode the substring may start anywhere; {@code anchored} makes it
     * start at 0, which gives plain edit distance.
     */
    int[] lastRow(int[] text, boolean anchored) {
        long[] plus = new long[blocks];   // vertical deltas +1
        long[] minus = new long[blocks];  // vertical deltas -1
        Arrays.fill(plus, -1L);           // column 0: D[i][0] = i
        int[] row = new int[text.length + 1];
        int score = pattern.length;
        row[0] = score;
        for (int j = 0; j < text.length; j++) {
            long[] eqs = rowsOf.getOrDefault(text[j], NO_MATCH);
            // Horizontal delta entering the top row: 0 in search mode (a match may start anywhere), +1 when anchored.
            int carry = anchored ? 1 : 0;
            for (int b = 0; b < blocks; b++) {
                long high = b == blocks - 1 ? lastRowBit : 1L << 63;
                long pv = plus[b];
                long mv = minus[b];
                long eq = eqs == NO_MATCH ? 0L : eqs[b];
                long carryNegative = carry < 0 ? 1L : 0L;
                long xv = eq | mv;
                eq |= carryNegative;
                long xh = (((eq & pv) + pv) ^ pv) | eq;
                long ph = mv | ~(xh | pv);
                long mh = pv & xh;
                int out = (ph & high) != 0 ? 1 : (mh & high) != 0 ? -1 : 0;
                ph = (ph << 1) | (carry > 0 ? 1L : 0L);
                mh = (mh << 1) | carryNegative;
                plus[b] = mh | ~(xv | ph);
                minus[b] = ph & xv;
                carry = out;
            }
            score += carry;
            row[j + 1] = score;
        }
        return row;
    }

    /**
     * Where matches with at most {@code maxErrors} edits end: one entry per local minimum of the error count, so a
     * quote that occurs twice yields two entries, not just the better one (the caller weighs context and position).
     */
    List<End> ends(int[] text, int maxErrors) {
        return ends(text, maxErrors, (a, b) -> 0, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} of {@link #ends(int[], int)} in the order of {@code order}, ties in text order: what
     * sorting all of them and keeping the first {@code limit} gives, but kept in a bounded heap, so that a short quote
     * in a long repetitive text (an end at nearly every position) holds {@code limit} ends in memory, not millions.
     */
    List<End> ends(int[] text, int maxErrors, Comparator<End> order, int limit) {
        int[] row = lastRow(text, false);
        // Worst first, so the heap's head is the one to drop; among equals the later in the text is worse.
        Comparator<End> inTextOrder = order.thenComparingInt(End::end);
        PriorityQueue<End> kept = new PriorityQueue<>(inTextOrder.reversed());
        for (int j = 1; j < row.length; j++) {
            boolean descends = row[j] < row[j - 1];
            boolean notFollowedByBetter = j == row.length - 1 || row[j] <= row[j + 1];
            if (row[j] <= maxErrors && descends && notFollowedByBetter) {
                End end = new End(j, row[j]);
                if (kept.size() < limit) {
                    kept.add(end);
                } else if (inTextOrder.compare(end, kept.peek()) < 0) {
                    kept.poll();
                    kept.add(end);
                }
            }
        }
        List<End> ends = new ArrayList<>(kept);
        ends.sort(inTextOrder);
        return ends;
    }

    /**
     * Where the match ending at {@code end} starts: the reversed pattern is matched, anchored, against the reversed
     * text before {@code end}. Among equally good starts the one giving the length nearest the pattern's wins.
     */
    Match locate(int[] text, End end) {
        if (reversed == null) {
            reversed = new ApproximateSearch(reverse(pattern));
        }
        int from = Math.max(0, end.end() - pattern.length - end.errors());
        int[] window = reverse(Arrays.copyOfRange(text, from, end.end()));
        int[] row = reversed.lastRow(window, true);
        int bestLength = 0;
        for (int length = 1; length < row.length; length++) {
            boolean fewer = row[length] < row[bestLength];
            boolean asFewButCloser = row[length] == row[bestLength]
                    && Math.abs(length - pattern.length) < Math.abs(bestLength - pattern.length);
            if (fewer || asFewButCloser) {
                bestLength = length;
            }
        }
        return new Match(end.end() - bestLength, end.end(), row[bestLength]);
    }

    private static int[] reverse(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
