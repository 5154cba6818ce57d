package org.palimpsest.archive.extraction.dating;

import java.util.BitSet;

/**
 * The characters a {@link DateRule}'s match can start with, compared as the case-insensitive patterns compare them
 * (folded): the pattern is then tried only where one stands, instead of at every position of the sentence. The set
 * must hold the first character of <em>every</em> possible match; what comes before it (a look-behind such as "not
 * after a digit") is still checked by the pattern, which sees the whole sentence.
 */
final class Starts {

    private final String chars;
    private final BitSet folded = new BitSet(Character.MAX_VALUE + 1);

    private Starts(String chars) {
        this.chars = chars;
        for (int i = 0; i < chars.length(); i++) {
            folded.set(Cue.Index.fold(chars.charAt(i)));
        }
    }

    /** Matches start with one of {@code chars}, in any case. */
    static Starts anyOf(String chars) {
        return new Starts(chars);
    }

    /** The first index at or after {@code from} where a match may start, or -1. */
    int next(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (folded.get(Cue.Index.fold(text.charAt(i)))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "Starts" + chars;
    }
}
