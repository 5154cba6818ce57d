package org.palimpsest.archive.extraction.dating;

import java.util.ArrayList;
import java.util.List;

/**
 * What a text must contain for a {@link DateRule}'s pattern to match anywhere in it: a test far cheaper than the
 * pattern, run first. Most sentences hold no date, and forty patterns tried at every position of every sentence were
 * most of the timeline's time; a cue that is absent proves the pattern would find nothing, so skipping it changes no
 * result. A cue must therefore be <em>necessary</em>: every match of its rule contains it, whatever the case.
 *
 * <p>The cues of all rules are looked for together, in one pass over a text ({@link Index}).
 */
sealed interface Cue {

    /** A run of at least {@code length} digits, ASCII or full-width: a year has four. */
    static Cue digits(int length) {
        return new Digits(length);
    }

    /**
     * One of {@code words}, compared as a pattern compiled with {@code CASE_INSENSITIVE | UNICODE_CASE} compares
     * literals: "LAST" and "laſt" contain {@code last}, "WEEK" contains {@code week}.
     */
    static Cue anyOf(String... words) {
        return new Words(List.of(words));
    }

    /** Both cues: a rule that needs a digit and a 월. */
    static Cue both(Cue first, Cue second) {
        return new Both(first, second);
    }

    /** True when {@code text} contains this cue, so that the rule's pattern may match in it. */
    default boolean foundIn(CharSequence text) {
        Index index = new Index(List.of(this));
        return index.test(0, index.scan(text));
    }

    record Digits(int length) implements Cue {
    }

    record Words(List<String> words) implements Cue {

        public Words {
            words = words.stream().map(Index::fold).toList();
        }
    }

    record Both(Cue first, Cue second) implements Cue {
    }

    /**
     * The cues of a set of rules, looked for in one pass: each simple cue (a digit run, a word list) is a bit of the
     * answer, and a rule's cue is a test on those bits.
     */
    final class Index {

        /** Each UTF-16 unit as a case-insensitive Unicode pattern compares it: lower case of its upper case. */
        private static final char[] FOLDED = folded();

        private final List<Cue> simple = new ArrayList<>();
        /** Per cue of the list, the bits of the simple cues it needs, all of them. */
        private final long[] required;
        /** Per digit cue, its bit and the run it needs. */
        private final int[] digitBits;
        private final int[] digitRuns;
        /** For each folded first character (index + 1 into {@link #words}, 0 for none) the words that start with it. */
        private final short[] startingWith = new short[Character.MAX_VALUE + 1];
        private final List<List<String>> words = new ArrayList<>();
        private final List<List<Integer>> wordBits = new ArrayList<>();

        Index(List<Cue> cues) {
            cues.forEach(this::collect);
            if (simple.size() > 64) {
                throw new IllegalArgumentException("at most 64 simple cues, not " + simple.size());
            }
            List<Integer> bits = new ArrayList<>();
            List<Integer> runs = new ArrayList<>();
            for (int bit = 0; bit < simple.size(); bit++) {
                if (simple.get(bit) instanceof Digits digits) {
                    bits.add(bit);
                    runs.add(digits.length());
                } else {
                    for (String word : ((Words) simple.get(bit)).words()) {
                        char first = word.charAt(0);
                        if (startingWith[first] == 0) {
                            words.add(new ArrayList<>());
                            wordBits.add(new ArrayList<>());
                            startingWith[first] = (short) words.size();
                        }
                        words.get(startingWith[first] - 1).add(word);
                        wordBits.get(startingWith[first] - 1).add(bit);
                    }
                }
            }
            digitBits = bits.stream().mapToInt(Integer::intValue).toArray();
            digitRuns = runs.stream().mapToInt(Integer::intValue).toArray();
            required = cues.stream().mapToLong(this::bits).toArray();
        }

        private long bits(Cue cue) {
            return cue instanceof Both both ? bits(both.first()) | bits(both.second()) : 1L << simple.indexOf(cue);
        }

        private void collect(Cue cue) {
            if (cue instanceof Both both) {
                collect(both.first());
                collect(both.second());
            } else if (!simple.contains(cue)) {
                simple.add(cue);
            }
        }

        /** Which simple cues {@code text} contains, as bits for {@link #test}. */
        long scan(CharSequence text) {
            long found = 0;
            int run = 0;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) {
                    run++;
                    for (int d = 0; d < digitBits.length; d++) {
                        if (run >= digitRuns[d]) {
                            found |= 1L << digitBits[d];
                        }
                    }
                    continue;
                }
                run = 0;
                int entry = startingWith[FOLDED[c]];
                if (entry != 0) {
                    List<String> candidates = words.get(entry - 1);
                    for (int w = 0; w < candidates.size(); w++) {
                        if (startsAt(text, i, candidates.get(w))) {
                            found |= 1L << wordBits.get(entry - 1).get(w);
                        }
                    }
                }
            }
            return found;
        }

        /** True when the cue at {@code position} in this index's list is among the {@code found} bits. */
        boolean test(int position, long found) {
            return (found & required[position]) == required[position];
        }

        private static boolean startsAt(CharSequence text, int at, String word) {
            if (at + word.length() > text.length()) {
                return false;
            }
            for (int k = 1; k < word.length(); k++) {
                if (FOLDED[text.charAt(at + k)] != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        static String fold(String word) {
            StringBuilder folded = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); i++) {
                folded.append(FOLDED[word.charAt(i)]);
            }
            return folded.toString();
        }

        static char fold(char c) {
            return FOLDED[c];
        }

        /** How many characters fold to {@code folded}. */
        static int foldingTo(char folded) {
            int count = 0;
            for (char f : FOLDED) {
                if (f == folded) {
                    count++;
                }
            }
            return count;
        }

        private static char[] folded() {
            char[] table = new char[Character.MAX_VALUE + 1];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                // A surrogate stands for itself: no code point outside the BMP folds into the BMP (CueTest checks).
                int f = Character.isSurrogate((char) c) ? c : Character.toLowerCase(Character.toUpperCase(c));
                table[c] = f <= Character.MAX_VALUE ? (char) f : Character.MAX_VALUE;
            }
            return table;
        }
    }
}
