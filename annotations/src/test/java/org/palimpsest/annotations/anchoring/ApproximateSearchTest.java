package org.palimpsest.annotations.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApproximateSearchTest {

    /** The textbook O(n·m) dynamic programme the bit-parallel search must agree with. */
    private static int[] naiveLastRow(int[] pattern, int[] text, boolean anchored) {
        int[] previous = new int[text.length + 1];
        for (int j = 0; j <= text.length; j++) {
            previous[j] = anchored ? j : 0;
        }
        for (int i = 1; i <= pattern.length; i++) {
            int[] current = new int[text.length + 1];
            current[0] = i;
            for (int j = 1; j <= text.length; j++) {
                int substitution = previous[j - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            previous = current;
        }
        return previous;
    }

    private static int[] random(Random random, int length, int[] alphabet) {
        int[] s = new int[length];
        for (int i = 0; i < length; i++) {
            s[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return s;
    }

    @Test
    void agreesWithTheTextbookDynamicProgrammeAcrossBlockBoundaries() {
        Random random = new Random(20250301);
        int[][] alphabets = {{'a', 'b'}, {'a', 'b', 'c', 'd'}, "xy𠮷\uD83D\uDCDC".codePoints().toArray()};
        int[] lengths = {1, 2, 5, 31, 63, 64, 65, 127, 128, 129, 200};
        for (int round = 0; round < 400; round++) {
            int[] alphabet = alphabets[round % alphabets.length];
            int[] pattern = random(random, lengths[random.nextInt(lengths.length)], alphabet);
            int[] text = random(random, random.nextInt(300), alphabet);
            for (boolean anchored : new boolean[] {false, true}) {
                assertThat(new ApproximateSearch(pattern).lastRow(text, anchored))
                        .as("pattern %s, text %s, anchored %s", Arrays.toString(pattern), Arrays.toString(text), anchored)
                        .isEqualTo(naiveLastRow(pattern, text, anchored));
            }
        }
    }

    @Test
    void locatesEveryMatchWithTheErrorsItWasFoundWith() {
        Random random = new Random(7);
        int located = 0;
        for (int round = 0; round < 200; round++) {
            int[] pattern = random(random, 1 + random.nextInt(140), new int[] {'a', 'b', 'c'});
            int[] text = random(random, random.nextInt(400), new int[] {'a', 'b', 'c'});
            ApproximateSearch search = new ApproximateSearch(pattern);
            for (ApproximateSearch.End end : search.ends(text, pattern.length / 2)) {
                ApproximateSearch.Match match = search.locate(text, end);
                assertThat(match.errors()).isEqualTo(end.errors());
                assertThat(ApproximateSearch.distance(pattern, Arrays.copyOfRange(text, match.start(), match.end())))
                        .isEqualTo(end.errors());
                located++;
            }
        }
        // The rounds must have found matches at all, or the loop above checked nothing.
        assertThat(located).isGreaterThan(1000);
    }

    @Test
    void findsEachOccurrenceNotOnlyTheBest() {
        int[] text = ApproximateSearch.codePoints("the brass key, then the brasss key");
        ApproximateSearch search = new ApproximateSearch(ApproximateSearch.codePoints("brass key"));
        assertThat(search.ends(text, 2).stream().map(end -> search.locate(text, end)))
                .extracting(ApproximateSearch.Match::start, ApproximateSearch.Match::errors)
                .contains(org.assertj.core.groups.Tuple.tuple(4, 0), org.assertj.core.groups.Tuple.tuple(24, 1));
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertThat(ApproximateSearch.distance(ApproximateSearch.codePoints("𠮷野家"), ApproximateSearch.codePoints("吉野家")))
                .isEqualTo(1);
        assertThat(ApproximateSearch.distance(new int[0], ApproximateSearch.codePoints("ab"))).isEqualTo(2);
    }
}
