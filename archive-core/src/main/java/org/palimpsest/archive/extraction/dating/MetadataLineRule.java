package org.palimpsest.archive.extraction.dating;

import java.util.List;
import java.util.regex.Pattern;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * Blocks that carry a date without stating an event: the document's own publication line or byline
 * ("입력 2024.03.13 10:21", "Posted on March 13, 2024 by Dana", "公開日：2024年3月13日"), a header field
 * ("Date: ...", "날짜: ...", "日付：..."), and a block that is nothing but a date ("2024년 3월 13일 수요일").
 */
final class MetadataLineRule {

    private static final Pattern LABEL = Pattern.compile(
            "^[ \\t]*(?:date|sent|published|posted|updated|last\\s+updated|created|"
                    + "날짜|일시|보낸\\s?날짜|작성일|작성|입력|수정|등록|게시일|발행일|발행|기사입력|최종수정|"
                    + "日付|日時|送信日時|公開日|更新日|投稿日|発行日|掲載日|配信日|"
                    + "日期|时间|時間|发布时间|发布日期|發佈日期|发表时间|发表于|更新时间)"
                    + "[ \\t]*(?:[:：]|[ \\t](?=[0-9０-９]))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Posted on ...", "Published by ...", or "By" and a capitalized name closed by a separator: "By Dana Whitlock | ...". */
    private static final Pattern BYLINE = Pattern.compile(
            "^[ \\t]*(?:(?i:posted\\s+(?:on|by)|published\\s+(?:on|by)|written\\s+by|updated)\\b"
                    + "|By\\s+\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*)*\\s*(?:[|,·•—–]|\\s-\\s|$))");
    private static final int LONGEST_BYLINE = 160;
    /** Weekdays, times of day and their words, which a date line may carry besides the date. */
    private static final Pattern CLOCK_AND_WEEKDAY = Pattern.compile(
            "[0-9０-９]{1,2}[:：][0-9０-９]{2}(?:[:：][0-9０-９]{2})?|[0-9０-９]{1,2}\\s?[시분초時分秒]"
                    + "|오전|오후|午前|午後|上午|下午|\\b[ap]\\.?m\\.?\\b"
                    + "|\\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\b"
                    + "|[월화수목금토일]요일|[月火水木金土日]曜日?|星期[一二三四五六日天]|周[一二三四五六日]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MOST_LETTERS_BESIDES_THE_DATE = 2;
    /**
     * Every letter that a match of {@link #CLOCK_AND_WEEKDAY} can contain, folded as its case-insensitive comparison
     * folds them. A letter of any other kind stays whatever the clock pattern blanks, so a block with more than
     * {@link #MOST_LETTERS_BESIDES_THE_DATE} of those is a statement without running the pattern: the case of
     * nearly every block, where running it over the whole block was a large part of the timeline's time.
     */
    private static final String CLOCK_LETTERS = Cue.Index.fold("montuesdayweddnesthursfrisaturnsunapm")
            + "시분초時分秒오전후午前後上下요일월화수목금토月火水木金土日曜星期一二三四五六天周";

    private MetadataLineRule() {
    }

    /**
     * @param masked      the block with markup blanked out
     * @param expressions the date expressions found in it, indexes into {@code masked}
     */
    static boolean isMetadata(String masked, List<DateExpression> expressions) {
        return isMetadata(masked, expressions, true);
    }

    /** As {@link #isMetadata(String, List)}; without {@code shortcut}, the clock pattern always runs (for tests). */
    static boolean isMetadata(String masked, List<DateExpression> expressions, boolean shortcut) {
        if (LABEL.matcher(AnalysisBudget.watch(masked)).find()) {
            return true;
        }
        if (BYLINE.matcher(AnalysisBudget.watch(masked)).find() && masked.strip().length() <= LONGEST_BYLINE) {
            return true;
        }
        StringBuilder rest = new StringBuilder(masked);
        for (DateExpression e : expressions) {
            for (int i = e.at().start(); i < e.at().end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        if (shortcut && lettersNoClockCanHold(rest) > MOST_LETTERS_BESIDES_THE_DATE) {
            return false;
        }
        long letters = CLOCK_AND_WEEKDAY.matcher(AnalysisBudget.watch(rest)).replaceAll(" ").codePoints().filter(Character::isLetter).count();
        return letters <= MOST_LETTERS_BESIDES_THE_DATE;
    }

    /** The letters of {@code text} that no clock or weekday match could contain. */
    private static int lettersNoClockCanHold(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                // A letter outside the BMP: no pattern character folds to one.
                int cp = Character.codePointAt(text, i);
                count += Character.isLetter(cp) ? 1 : 0;
                i += Character.charCount(cp) - 1;
            } else if (Character.isLetter(c) && CLOCK_LETTERS.indexOf(Cue.Index.fold(c)) < 0) {
                count++;
            }
        }
        return count;
    }
}
