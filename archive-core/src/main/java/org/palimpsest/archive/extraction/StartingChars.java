package org.palimpsest.archive.extraction;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search for a pattern whose every match starts with one of a few characters (a redaction's opening bracket, a
 * link's {@code ]}): the pattern is tried only where one of them stands, instead of at every position of the text,
 * and finds what a search finds, in the same order. The pattern may look behind and ahead; it sees the whole text.
 */
public final class StartingChars {

    private StartingChars() {
    }

    /** Each match of {@code pattern} in {@code text}, whose matches all start with one of {@code starts}. */
    public static void forEachMatch(Pattern pattern, String text, String starts, Consumer<Matcher> action) {
        Matcher m = pattern.matcher(AnalysisBudget.watch(text)).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int at = next(text, starts, from); at >= 0; at = next(text, starts, from)) {
            AnalysisBudget.checkpoint();
            m.region(at, text.length());
            if (m.lookingAt()) {
                action.accept(m);
                from = Math.max(m.end(), at + 1);
            } else {
                from = at + 1;
            }
        }
    }

    private static int next(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
