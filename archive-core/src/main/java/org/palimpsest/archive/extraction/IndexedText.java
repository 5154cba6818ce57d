package org.palimpsest.archive.extraction;

import java.util.Arrays;

/**
 * A text with fast conversion between UTF-16 indexes (what {@link String} and regexes use) and code-point offsets
 * (what {@link Span}s use). Analysers work on the string and report spans through this.
 *
 * <p>Only the characters outside the Basic Multilingual Plane make the two differ, so only their positions are
 * kept: a text without any converts in constant time and costs no memory beyond the string, and one with {@code p}
 * of them converts by a binary search over {@code p} positions. (Two arrays of the text's length, the earlier way,
 * cost eight bytes per character: 128 MB for a 16 MB text, several times over as every analyser indexes it.)
 */
public final class IndexedText {

    private final String text;
    /** UTF-16 index of the high surrogate of every surrogate pair, ascending. */
    private final int[] pairs;

    public IndexedText(String text) {
        this.text = text;
        int count = 0;
        int[] found = new int[0];
        for (int i = 0; i + 1 < text.length(); i++) {
            if (Character.isHighSurrogate(text.charAt(i)) && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.max(16, count * 2));
                }
                found[count++] = i;
                i++;
            }
        }
        this.pairs = Arrays.copyOf(found, count);
    }

    public String text() {
        return text;
    }

    /** Length in code points. */
    public int length() {
        return text.length() - pairs.length;
    }

    /** The code-point offset of UTF-16 index {@code charIndex} (0..text.length()). */
    public int codePoint(int charIndex) {
        if (charIndex < 0 || charIndex > text.length()) {
            throw new IndexOutOfBoundsException("UTF-16 index " + charIndex + " outside 0.." + text.length());
        }
        // Every pair starting before the index counts one unit that is no code point of its own.
        return charIndex - pairsBefore(charIndex);
    }

    /** The UTF-16 index of code-point offset {@code codePoint} (0..length()). */
    public int charIndex(int codePoint) {
        if (codePoint < 0 || codePoint > length()) {
            throw new IndexOutOfBoundsException("code point " + codePoint + " outside 0.." + length());
        }
        // Pair k is code point pairs[k] - k; every pair before the wanted code point adds a unit.
        int lo = 0;
        int hi = pairs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pairs[mid] - mid < codePoint) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return codePoint + lo;
    }

    /** The span covering UTF-16 range [charStart, charEnd). */
    public Span span(int charStart, int charEnd) {
        return new Span(codePoint(charStart), codePoint(charEnd));
    }

    /** The text of {@code span}. */
    public String slice(Span span) {
        return text.substring(charIndex(span.start()), charIndex(span.end()));
    }

    private int pairsBefore(int charIndex) {
        int lo = 0;
        int hi = pairs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pairs[mid] < charIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
