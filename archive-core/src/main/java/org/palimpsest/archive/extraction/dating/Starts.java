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
    private final boolean atWordStart;
    private final BitSet folded = new BitSet(Character.MAX_VALUE + 1);

    private Starts(String chars, boolean atWordStart) {
        this.chars = chars;
        this.atWordStart = atWordStart;
        for (int i = 0; i < chars.length(); i++) {
            folded.set(Cue.Index.fold(chars.charAt(i)));
        }
    }

    /** Matches start with one of {@code chars}, in any case. */
    static Starts anyOf(String chars) {
        return new Starts(chars, false);
    }

    /**
     * Matches start with one of {@code chars}, letters or digits, at a word boundary ({@code \b}): never between two
     * letters, digits or underscores, where there is none.
     */
    static Starts wordStartingWith(String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (!Character.isLetterOrDigit(chars.charAt(i))) {
                throw new IllegalArgumentException("a word starts with a letter or digit, not " + chars.charAt(i));
            }
        }
        return new Starts(chars, true);
    }

    /** The first index at or after {@code from} where a match may start, or -1. */
    int next(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (folded.get(Cue.Index.fold(c)) && !(atWordStart && i > 0 && isWordChar(text.charAt(i - 1)) && isWordChar(c))) {
                return i;
            }
        }
        return -1;
    }

    /** What a boundary counts as part of a word (a lone surrogate or a mark is left to the pattern to judge). */
    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    @Override
    public String toString() {
        return "Starts" + chars;
    }
}
