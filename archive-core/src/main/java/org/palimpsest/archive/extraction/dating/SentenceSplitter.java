package org.palimpsest.archive.extraction.dating;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * Cuts a block into sentences.
 *
 * <ul>
 *   <li>{@code 。！？} end a sentence wherever they stand: Japanese and Chinese put no space after them.</li>
 *   <li>{@code . ! ?} end one when followed by a space or the end of the block, as in English and Korean — but not a
 *       decimal point, an ellipsis run before its last dot, or the dot of an abbreviation ({@code Dec.}, {@code Mr.},
 *       {@code U.S.}, an initial).</li>
 *   <li>A dot right after a Hangul syllable ends a Korean sentence even with no space after it: Korean puts dots only
 *       at sentence ends ({@code 공개했습니다.(사진)}), and machine translations often drop the space.</li>
 *   <li>A markdown hard line break (two spaces or a backslash before the newline) ends a sentence; a soft one does not.</li>
 *   <li>Nothing ends inside a quotation or parenthesis ({@link QuotedRegions}); a quotation that ends with a terminator
 *       and is followed by a space ends the sentence with it.</li>
 *   <li>Nothing ends inside a date expression: the dots of {@code 2024. 3. 11.} and {@code Dec. 2015} are the date's.</li>
 *   <li>An ellipsis followed by a lowercase word does not end the sentence ("Wait... what happened?").</li>
 * </ul>
 * Closing quotes and brackets after a terminator stay with the sentence they close.
 */
final class SentenceSplitter {

    private static final String FULL_STOPS = "。！？";
    private static final String CLOSERS = ")）」』\"”’'";
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "no",
            "fig", "vol", "gen", "gov", "sen", "rep", "dept", "est",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");
    /** U.S., e.g., i.e., a.m., J. — letters each followed by a dot. */
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{L}\\.)*\\p{L}");
    private static final Pattern WORD_BEFORE = Pattern.compile("[\\p{L}.]+$");

    private SentenceSplitter() {
    }

    /**
     * The sentences of a block, as trimmed ranges of it.
     *
     * @param original the block as written, for line breaks
     * @param masked   the same block with markup blanked out ({@link InlineMarkup#mask}), where terminators are looked for
     * @param dates    the date expressions of the block, which no sentence boundary may cut
     */
    static List<Slice> split(String original, String masked, List<Slice> dates) {
        QuotedRegions quotes = QuotedRegions.of(masked);
        Coverage inDate = Coverage.of(dates);
        List<Slice> sentences = new ArrayList<>();
        int n = masked.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            AnalysisBudget.checkpoint();
            if (quotes.inside(i) || inDate.covers(i)) {
                continue;
            }
            int end = endOfSentenceAt(original, masked, i, quotes);
            if (end > i || (end == i && masked.charAt(i) == '\n')) {
                addTrimmed(masked, start, end, sentences);
                start = end;
                i = Math.max(i, end - 1);
            }
        }
        addTrimmed(masked, start, n, sentences);
        return sentences;
    }

    /** Where the sentence ends if it ends at {@code i}, exclusive; -1 when it does not. */
    private static int endOfSentenceAt(String original, String masked, int i, QuotedRegions quotes) {
        char c = masked.charAt(i);
        int n = masked.length();
        if (FULL_STOPS.indexOf(c) >= 0) {
            return afterClosers(masked, i + 1);
        }
        if (c == '!' || c == '?') {
            int end = afterClosers(masked, i + 1);
            return end == n || Character.isWhitespace(masked.charAt(end)) ? end : -1;
        }
        if (c == '.') {
            if (i + 1 < n && masked.charAt(i + 1) == '.') {
                return -1;
            }
            if (i > 0 && i + 1 < n && Character.isDigit(masked.charAt(i - 1)) && Character.isDigit(masked.charAt(i + 1))) {
                return -1;
            }
            int end = afterClosers(masked, i + 1);
            if (i > 0 && (masked.charAt(i - 1) == '.' || masked.charAt(i - 1) == '…') && nextWordIsLowercase(masked, end)) {
                return -1;
            }
            boolean korean = i > 0 && Character.UnicodeScript.of(masked.charAt(i - 1)) == Character.UnicodeScript.HANGUL
                    && (end == n || !Character.isDigit(masked.charAt(end)));
            if (korean) {
                return end;
            }
            return (end == n || Character.isWhitespace(masked.charAt(end))) && !abbreviationBefore(masked, i) ? end : -1;
        }
        if (c == '\n') {
            boolean hardBreak = (i >= 2 && original.charAt(i - 1) == ' ' && original.charAt(i - 2) == ' ')
                    || (i >= 1 && original.charAt(i - 1) == '\\');
            return hardBreak ? i : -1;
        }
        if (quotes.closesAt(i) && i > 0 && ".!?。！？".indexOf(masked.charAt(i - 1)) >= 0) {
            int end = afterClosers(masked, i + 1);
            return end == n || Character.isWhitespace(masked.charAt(end)) ? end : -1;
        }
        return -1;
    }

    private static boolean nextWordIsLowercase(String text, int from) {
        int j = from;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && Character.isLowerCase(text.charAt(j));
    }

    private static int afterClosers(String text, int from) {
        int j = from;
        while (j < text.length() && CLOSERS.indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        return j;
    }

    private static boolean abbreviationBefore(String text, int dot) {
        Matcher m = WORD_BEFORE.matcher(AnalysisBudget.watch(text.substring(Math.max(0, dot - 12), dot)));
        if (!m.find()) {
            return false;
        }
        String word = m.group();
        if (word.startsWith(".")) {
            word = word.substring(1);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return true;
        }
        // A lone capital (an initial) or dotted letters (U.S, e.g); a lone lowercase letter is a word ending a sentence.
        return INITIALS.matcher(AnalysisBudget.watch(word)).matches() && (word.length() > 1 || Character.isUpperCase(word.charAt(0)));
    }

    private static void addTrimmed(String text, int start, int end, List<Slice> into) {
        int s = start;
        int e = end;
        while (s < e && isBlank(text.charAt(s))) {
            s++;
        }
        while (e > s && isBlank(text.charAt(e - 1))) {
            e--;
        }
        if (s < e) {
            into.add(new Slice(s, e));
        }
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
