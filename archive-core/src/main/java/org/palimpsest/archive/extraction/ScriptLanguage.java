package org.palimpsest.archive.extraction;

import java.util.Optional;

/**
 * Guesses a text's language from the scripts it is written in, as a BCP 47 tag.
 *
 * <p>Scripts, not words, because the archive holds machine translations full of foreign names: a Japanese
 * text quoting English names is still Japanese. Kana decide Japanese and Hangul Korean even as a minority
 * beside Han characters, since Chinese uses neither; Han alone is Chinese; Latin alone is English unless
 * told otherwise, the commonest case in the sources and the one a reader will correct if wrong.
 */
public final class ScriptLanguage {

    private static final double MINOR_SCRIPT_SHARE = 0.05;

    private ScriptLanguage() {
    }

    public static Optional<String> detect(String text) {
        ScriptCounts counts = ScriptCounts.of(text);
        int letters = counts.total();
        if (letters == 0) {
            return Optional.empty();
        }
        int cjk = counts.hangul() + counts.kana() + counts.han();
        if (counts.kana() > 0 && counts.kana() >= counts.hangul() && share(counts.kana(), cjk) >= MINOR_SCRIPT_SHARE) {
            return Optional.of("ja");
        }
        if (counts.hangul() > 0 && share(counts.hangul(), cjk) >= MINOR_SCRIPT_SHARE) {
            return Optional.of("ko");
        }
        if (counts.han() > 0 && share(counts.han(), letters) >= MINOR_SCRIPT_SHARE) {
            return Optional.of("zh");
        }
        if (counts.cyrillic() > counts.latin()) {
            return Optional.of("ru");
        }
        return counts.latin() > 0 ? Optional.of("en") : Optional.empty();
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private record ScriptCounts(int hangul, int kana, int han, int latin, int cyrillic) {

        static ScriptCounts of(String text) {
            int[] c = new int[5];
            text.codePoints().filter(Character::isLetter).forEach(cp -> {
                switch (Character.UnicodeScript.of(cp)) {
                    case HANGUL -> c[0]++;
                    case HIRAGANA, KATAKANA -> c[1]++;
                    case HAN -> c[2]++;
                    case LATIN -> c[3]++;
                    case CYRILLIC -> c[4]++;
                    default -> { }
                }
            });
            return new ScriptCounts(c[0], c[1], c[2], c[3], c[4]);
        }

        int total() {
            return hangul + kana + han + latin + cyrillic;
        }
    }
}
