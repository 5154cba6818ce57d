package org.palimpsest.archive.extraction.dating;

import java.util.List;

/**
 * What a text must contain for a {@link DateRule}'s pattern to match anywhere in it: a test far cheaper than the
 * pattern, run first. Most sentences hold no date, and forty patterns tried at every position of every sentence were
 * most of the timeline's time; a cue that is absent proves the pattern would find nothing, so skipping it changes no
 * result. A cue must therefore be <em>necessary</em>: every match of its rule contains it, whatever the case.
 */
sealed interface Cue {

    /** True when {@code text} contains this cue, so that the rule's pattern may match in it. */
    boolean foundIn(CharSequence text);

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

    record Digits(int length) implements Cue {

        @Override
        public boolean foundIn(CharSequence text) {
            int run = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                run = (c >= '0' && c <= '9') || (c >= '０' && c <= '９') ? run + 1 : 0;
                if (run >= length) {
                    return true;
                }
            }
            return false;
        }
    }

    record Words(List<String> words) implements Cue {

        /** Each UTF-16 unit as a case-insensitive Unicode pattern compares it: lower case of its upper case. */
        private static final char[] FOLDED = folded();

        public Words {
            words = words.stream().map(Words::fold).toList();
        }

        @Override
        public boolean foundIn(CharSequence text) {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char first = FOLDED[text.charAt(i)];
                for (String word : words) {
                    if (word.charAt(0) == first && startsAt(text, i, word)) {
                        return true;
                    }
                }
            }
            return false;
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

        private static char[] folded() {
            char[] table = new char[Character.MAX_VALUE + 1];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                // A surrogate stands for itself: no code point outside the BMP folds into it (CueTest checks this).
                int f = Character.isSurrogate((char) c) ? c : Character.toLowerCase(Character.toUpperCase(c));
                table[c] = f <= Character.MAX_VALUE ? (char) f : (char) c;
            }
            return table;
        }
    }

    record Both(Cue first, Cue second) implements Cue {

        @Override
        public boolean foundIn(CharSequence text) {
            return first.foundIn(text) && second.foundIn(text);
        }
    }
}
