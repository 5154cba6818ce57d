package org.palimpsest.archive.extraction.dating;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * Quotations and parentheticals of a block: “…”, "…", 「…」, 『…』, (…), （…）. A sentence does not end inside one,
 * and a relative date inside a quotation counts from when the quoted person spoke, not from the publication, so it is
 * not resolved against the document date. Single quotes are left out: Korean text uses them for emphasis, often
 * unbalanced. A pair longer than {@link #LONGEST} is taken for a stray mark, not a quotation.
 */
final class QuotedRegions {

    private static final int LONGEST = 400;
    private static final String OPENERS = "“「『(（";
    private static final String CLOSERS = "”」』)）";

    private final Coverage insides;
    /** The closing marks' positions, ascending: regions are found in the order they close. */
    private final int[] closers;

    private QuotedRegions(List<Slice> regions) {
        this.insides = Coverage.insidesOf(regions);
        this.closers = regions.stream().mapToInt(r -> r.end() - 1).toArray();
    }

    static QuotedRegions of(String text) {
        List<Slice> found = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>();
        int straightQuote = -1;
        for (int i = 0; i < text.length(); i++) {
            AnalysisBudget.checkpoint();
            char c = text.charAt(i);
            int opener = OPENERS.indexOf(c);
            int closer = CLOSERS.indexOf(c);
            if (c == '"') {
                if (straightQuote < 0) {
                    straightQuote = i;
                } else {
                    add(found, straightQuote, i);
                    straightQuote = -1;
                }
            } else if (opener >= 0) {
                open.push(new int[] {opener, i});
            } else if (closer >= 0) {
                // Close the latest opener of the same kind; openers of other kinds left inside it were strays.
                while (!open.isEmpty() && open.peek()[0] != closer) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    add(found, open.pop()[1], i);
                }
            }
        }
        return new QuotedRegions(found);
    }

    private static void add(List<Slice> found, int opener, int closer) {
        if (closer - opener <= LONGEST) {
            found.add(new Slice(opener, closer + 1));
        }
    }

    /** True when {@code index} lies between the marks of some quotation, the marks themselves excluded. */
    boolean inside(int index) {
        return insides.covers(index);
    }

    /** True when the whole of {@code slice} lies inside some quotation. */
    boolean inside(Slice slice) {
        return insides.covers(slice.start(), slice.end());
    }

    /** True when {@code index} is the closing mark of a quotation. */
    boolean closesAt(int index) {
        return Arrays.binarySearch(closers, index) >= 0;
    }
}
