package org.palimpsest.archive.extraction.names;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether a match stands on its own or is part of a longer word, judged by the script at each edge of the name.
 *
 * <ul>
 *   <li>Latin (and digits): the neighbour must not be a Latin letter or digit — word boundaries, so {@code Musk} is not
 *       found in {@code Muskrat}. Any other script may touch it: {@code OpenAI의}, {@code OpenAIは}.</li>
 *   <li>Hangul: nothing Hangul before it, and after it either no Hangul or a particle ({@code 머스크가},
 *       {@code 테슬라와의}, {@code 마이크로소프트로부터}). Korean writes particles onto names, and a Hangul run that does
 *       not begin with one is another word: {@code 머스크멜론} is a melon.</li>
 *   <li>Katakana: no katakana (or the long-vowel mark ー) on either side. Particles are hiragana or kanji ({@code マスクは},
 *       {@code マスク氏}); a katakana neighbour means a longer loanword ({@code フェイスマスク}).</li>
 *   <li>Han: no condition. Chinese and Japanese kanji compounds run words together with no mark of where a name ends,
 *       so a boundary rule would lose more true names than it would save; aliases that are likely inside other words
 *       belong among an entry's anchored aliases.</li>
 * </ul>
 * The trade-off of the Hangul rule: a particle that happens to begin an unrelated word ({@code 머스크가족}) is accepted.
 */
final class ScriptBoundary {

    /** Longest first, so that 으로부터 is recognised before 으로. */
    private static final List<int[]> PARTICLES = Stream.of(
                    "으로부터", "에게서", "로부터", "에서는", "에서도", "에게는", "이라고", "이라는", "이라며", "이라면", "으로서",
                    "에게", "에서", "으로", "까지", "부터", "처럼", "보다", "마저", "조차", "라고", "라는", "라며", "와의", "과의",
                    "에는", "에도", "로서", "이나", "이랑", "한테", "께서", "하고", "측은", "측이", "측의",
                    "가", "이", "는", "은", "을", "를", "의", "와", "과", "도", "에", "로", "만", "나", "랑", "측", "씨", "님",
                    "께", "사", "들", "식",
                    // The copula, written onto the noun: 랩스였다, 머스크이며, 테슬라다.
                    "였", "이었", "이며", "이고", "이자", "이다", "다", "라서", "라면")
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(p -> p.codePoints().toArray())
            .toList();

    private ScriptBoundary() {
    }

    /**
     * @param text  the text's code points
     * @param start first code point of the match
     * @param end   one past its last code point
     */
    static boolean standsAlone(int[] text, int start, int end) {
        return leftOk(text[start], start > 0 ? text[start - 1] : -1)
                && rightOk(text, text[end - 1], end);
    }

    private static boolean leftOk(int edge, int neighbour) {
        if (neighbour < 0) {
            return true;
        }
        return switch (kind(edge)) {
            case LATIN -> kind(neighbour) != Kind.LATIN;
            case HANGUL -> kind(neighbour) != Kind.HANGUL;
            case KATAKANA -> kind(neighbour) != Kind.KATAKANA;
            case OTHER -> true;
        };
    }

    private static boolean rightOk(int[] text, int edge, int end) {
        if (end >= text.length) {
            return true;
        }
        int neighbour = text[end];
        return switch (kind(edge)) {
            case LATIN -> kind(neighbour) != Kind.LATIN;
            case HANGUL -> kind(neighbour) != Kind.HANGUL || startsWithParticle(text, end);
            case KATAKANA -> kind(neighbour) != Kind.KATAKANA;
            case OTHER -> true;
        };
    }

    private static boolean startsWithParticle(int[] text, int from) {
        for (int[] p : PARTICLES) {
            if (from + p.length <= text.length && Arrays.equals(text, from, from + p.length, p, 0, p.length)) {
                return true;
            }
        }
        return false;
    }

    private enum Kind { LATIN, HANGUL, KATAKANA, OTHER }

    private static Kind kind(int cp) {
        if (cp >= '0' && cp <= '9') {
            return Kind.LATIN;
        }
        if (cp == 'ー') {
            return Kind.KATAKANA;
        }
        if (!Character.isLetter(cp)) {
            return Kind.OTHER;
        }
        return switch (Character.UnicodeScript.of(cp)) {
            case LATIN -> Kind.LATIN;
            case HANGUL -> Kind.HANGUL;
            case KATAKANA -> Kind.KATAKANA;
            default -> Kind.OTHER;
        };
    }
}
