package org.palimpsest.archive.extraction.structure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.palimpsest.archive.extraction.AnalysisBudget;

/** What a single line of text looks like at its edges: a bullet in front, a sentence end behind. */
final class LineShape {

    /**
     * Lines up to this many display columns stand on their own (titles, labels, salutations). Columns, not
     * characters: a CJK character is two columns wide and carries about as much as two Latin letters, so
     * Japanese e-mail hard-wrapped at 30 full-width characters is not mistaken for a list of short lines.
     */
    static final int SHORT_LINE_COLUMNS = 40;

    /**
     * Bullets that CommonMark does not know but scraped pages and Japanese or Korean text use. The middle dot
     * {@code ·} must be followed by a space, since it also joins words; the others may touch the text.
     */
    private static final Pattern BULLET = Pattern.compile("^[ \\t]*(?:[•◦‣▪●○∙・][ \\t\\u3000]*|·[ \\t\\u3000]+)(?=\\S)");

    private static final String SENTENCE_ENDS = ".!?。！？…‼⁉:：;；";
    /** Closing quotes end a unit too: a line that closes a quotation is a complete headline or citation. */
    private static final String CLOSING_QUOTES = "\"'”’」』»";
    /** Emphasis markers and brackets that may follow the real last character. */
    private static final String TRAILERS = "*_~)]}）】〕〉》";

    private LineShape() {
    }

    /** Length of the bullet and the space after it at the start of {@code line}, or -1 when there is none. */
    static int bulletLength(String line) {
        // The pattern is anchored at the start: looking there alone finds what a search would.
        Matcher m = BULLET.matcher(AnalysisBudget.watch(line));
        return m.lookingAt() ? m.end() : -1;
    }

    /** True when the line ends with sentence punctuation, possibly inside closing brackets or emphasis. */
    static boolean endsSentence(String line) {
        int last = lastMeaningful(line);
        return last >= 0 && SENTENCE_ENDS.indexOf(last) >= 0;
    }

    /**
     * True when {@code line} ends a unit of meaning, so that the next line need not continue it: it ends a
     * sentence or a quotation, ends with an emoji or other symbol (social posts close lines with them), or is
     * short, unless the next line starts in lower case, which in Latin script means the sentence goes on.
     */
    static boolean endsUnit(String line, String next) {
        int last = lastMeaningful(line);
        if (last < 0) {
            return true;
        }
        if (SENTENCE_ENDS.indexOf(last) >= 0 || CLOSING_QUOTES.indexOf(last) >= 0) {
            return true;
        }
        int type = Character.getType(last);
        if (type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL) {
            return true;
        }
        return columns(line.strip()) <= SHORT_LINE_COLUMNS && !startsLowerCase(next);
    }

    /** True when the line ends with a full stop, question mark or colon: a statement, not a button. */
    static boolean endsWithStop(String line) {
        int last = lastMeaningful(line);
        return last >= 0 && SENTENCE_ENDS.indexOf(last) >= 0 && last != '!' && last != '！' && last != '‼';
    }

    /** Display width: CJK characters, full-width forms and pictographs take two columns. */
    static int columns(String line) {
        return line.codePoints().map(LineShape::width).sum();
    }

    private static int width(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        boolean wide = script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60) || cp >= 0x1F000;
        return wide ? 2 : 1;
    }

    static boolean startsLowerCase(String line) {
        String s = line.stripLeading();
        return !s.isEmpty() && Character.isLowerCase(s.codePointAt(0));
    }

    /**
     * The last code point that is not whitespace, emphasis, a closing bracket or an emoji presentation
     * selector; -1 when there is none.
     */
    private static int lastMeaningful(String line) {
        int i = line.length();
        while (i > 0) {
            int cp = line.codePointBefore(i);
            boolean skip = Character.isWhitespace(cp) || TRAILERS.indexOf(cp) >= 0
                    || cp == 0xFE0F || cp == 0x200D || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (!skip) {
                return cp;
            }
            i -= Character.charCount(cp);
        }
        return -1;
    }
}
