package org.palimpsest.archive.extraction.dating;

import static org.palimpsest.archive.extraction.dating.DateParts.D;
import static org.palimpsest.archive.extraction.dating.DateParts.DIGITS;
import static org.palimpsest.archive.extraction.dating.DateParts.H;
import static org.palimpsest.archive.extraction.dating.DateParts.NOT_IN_NUMBER;
import static org.palimpsest.archive.extraction.dating.DateParts.YEAR;

import java.util.List;
import java.util.Map;
import org.palimpsest.archive.extraction.dating.DateParts.Vocabulary;

/**
 * Japanese and Chinese date expressions, one table because both write dates with 年月日 and share most of the
 * words: {@code 2018年2月初旬}, {@code 2015 年後半}, {@code 2017年末}, {@code 2017年底}, {@code 2015年下半年},
 * {@code 2017年秋天}, {@code 2020年第3四半期}, {@code 2020年第三季度}; relative {@code 昨年}, {@code 去年秋天},
 * {@code 先月20日}, {@code 上个月}, {@code 先週}, {@code 昨日}, {@code 3月5日}, {@code 5日（現地時間）}.
 */
final class ChineseJapaneseDates {

    static final Vocabulary WORDS = new Vocabulary(
            Map.ofEntries(Map.entry("初旬", Qualifier.EARLY), Map.entry("上旬", Qualifier.EARLY), Map.entry("中旬", Qualifier.MID),
                    Map.entry("下旬", Qualifier.LATE), Map.entry("初め", Qualifier.BEGINNING), Map.entry("初頭", Qualifier.BEGINNING),
                    Map.entry("初", Qualifier.BEGINNING), Map.entry("末", Qualifier.END), Map.entry("底", Qualifier.END),
                    Map.entry("前半", Qualifier.FIRST_HALF), Map.entry("後半", Qualifier.SECOND_HALF), Map.entry("半ば", Qualifier.MID)),
            Map.ofEntries(Map.entry("上半期", Qualifier.FIRST_HALF), Map.entry("下半期", Qualifier.SECOND_HALF),
                    Map.entry("上半年", Qualifier.FIRST_HALF), Map.entry("下半年", Qualifier.SECOND_HALF),
                    Map.entry("前半", Qualifier.FIRST_HALF), Map.entry("後半", Qualifier.SECOND_HALF),
                    Map.entry("初め", Qualifier.BEGINNING), Map.entry("初頭", Qualifier.BEGINNING), Map.entry("年初", Qualifier.BEGINNING),
                    Map.entry("初", Qualifier.BEGINNING), Map.entry("年末", Qualifier.END), Map.entry("年底", Qualifier.END),
                    Map.entry("末", Qualifier.END), Map.entry("底", Qualifier.END), Map.entry("終わり", Qualifier.END),
                    Map.entry("半ば", Qualifier.MID), Map.entry("年中", Qualifier.MID), Map.entry("中頃", Qualifier.MID)),
            Map.of("春", Season.SPRING, "夏", Season.SUMMER, "秋", Season.AUTUMN, "冬", Season.WINTER));

    /**
     * After a one-character word such as 末, 初 or 秋: not another Han character that would make it part of a longer
     * word (秋田 is a place), except those that commonly follow a date (頃, 以来, 時点, 的...); and not 初めて, "for
     * the first time", which is no beginning of a year.
     */
    private static final String WORD_END = "(?![\\p{IsHan}&&[^頃以来時时期的前后後中至到迄間间]])(?!め?て)";

    private static final String TAIL = "(?:" + H + "*(?:"
            + "(?<month>" + D + "{1,2})" + H + "?月(?:" + H + "*(?<day>" + D + "{1,2})" + H + "?[日号]"
            + "|" + H + "*(?<mq>" + WORDS.monthPartAlternation() + ")" + WORD_END + ")?"
            + "|第?" + H + "*(?<q>[1-4１-４一二三四])" + H + "?(?:四半期|季度)"
            + "|[Qq](?<q2>[1-4])"
            + "|(?<season>" + WORDS.seasonAlternation() + ")(?:天|季)?" + WORD_END
            + "|(?<yq>" + WORDS.yearPartAlternation() + ")" + WORD_END + "))";

    /**
     * Chinese and Japanese run words together, so 今年 and 本年 also occur across word boundaries: 基本年収 (base
     * salary), 如今年轻 (young nowadays), 日本年金 (pension). What follows tells: 年 there starts another word.
     */
    private static final String NOT_A_YEAR_COMPOUND = "(?![収收轻輕代龄齢金俸薪])";

    private static final Map<String, Integer> YEARS_FROM_NOW = Map.of(
            "一昨年", -2, "昨年", -1, "去年", -1, "今年", 0, "本年", 0);
    private static final Map<String, Integer> MONTHS_FROM_NOW = Map.of(
            "先月", -1, "上个月", -1, "上個月", -1, "上月", -1, "今月", 0, "本月", 0, "这个月", 0, "這個月", 0);
    private static final Map<String, Integer> WEEKS_FROM_NOW = Map.of(
            "先週", -1, "上周", -1, "上週", -1, "上星期", -1, "今週", 0, "本周", 0, "本週", 0, "这周", 0, "這週", 0);
    private static final Map<String, Integer> DAYS_FROM_NOW = Map.of(
            "昨日", -1, "昨天", -1, "一昨日", -2, "おととい", -2, "前天", -2);

    private ChineseJapaneseDates() {
    }

    static List<DateRule> rules() {
        return List.of(
                // 1990年代 is a decade, 2017年型 and 2017年款 model years: none dates an event.
                DateRule.of("cjk-calendar", Cue.both(Cue.digits(4), Cue.anyOf("年")), NOT_IN_NUMBER + YEAR + H + "?年(?![代型款式])" + TAIL + "?",
                        m -> new DateReference.Absolute(DateParts.calendar(m, DateParts.year(m), WORDS))).startingWith("12１２"),
                DateRule.of("cjk-year-relative", Cue.anyOf("年"), "(?<rel>" + DateParts.alternation(YEARS_FROM_NOW.keySet()) + ")" + NOT_A_YEAR_COMPOUND + TAIL + "?",
                        m -> new DateReference.YearOffset(YEARS_FROM_NOW.get(m.group("rel")), DateParts.calendar(m, null, WORDS))).startingWith("一昨去今本"),
                DateRule.of("cjk-month-relative", Cue.anyOf("月"), "(?<rel>" + DateParts.alternation(MONTHS_FROM_NOW.keySet()) + ")(?:" + H
                                + "*(?<day>" + D + "{1,2})" + H + "?[日号]|" + H + "*(?<mq>" + WORDS.monthPartAlternation() + ")" + WORD_END + ")?",
                        m -> {
                            String day = DateParts.group(m, "day");
                            String part = DateParts.group(m, "mq");
                            return new DateReference.MonthOffset(MONTHS_FROM_NOW.get(m.group("rel")), null,
                                    day == null ? null : DateParts.number(day), part == null ? null : WORDS.monthParts().get(part));
                        }).startingWith("先上今本这這"),
                DateRule.of("cjk-week-relative", Cue.anyOf("週", "周", "星期"), "(?<rel>" + DateParts.alternation(WEEKS_FROM_NOW.keySet()) + ")",
                        m -> new DateReference.WeekOffset(WEEKS_FROM_NOW.get(m.group("rel")))).startingWith("先上今本这這"),
                DateRule.of("cjk-day-relative", Cue.anyOf("昨", "おととい", "前天"), "(?<rel>" + DateParts.alternation(DAYS_FROM_NOW.keySet()) + ")",
                        m -> new DateReference.DayOffset(DAYS_FROM_NOW.get(m.group("rel")))).startingWith("昨一お前"),
                DateRule.of("cjk-day-local-time", Cue.both(Cue.digits(1), Cue.anyOf("日")), "(?<![0-9０-９月])(?<date>(?<day>" + D + "{1,2})" + H + "?日)" + H
                                + "?[(（]" + H + "?(?:現地時間|现地时间|当地时间|當地時間|米国時間|美国时间|日本時間|北京时间)" + H + "?[)）]",
                        m -> new DateReference.MostRecent(DateParts.calendar(m, null, WORDS), true)).startingWith(DIGITS),
                DateRule.of("cjk-month-day", Cue.both(Cue.digits(1), Cue.anyOf("月")), "(?<![0-9０-９年.])(?<month>" + D + "{1,2})" + H + "?月" + H + "?(?<day>" + D + "{1,2})" + H + "?[日号]",
                        m -> new DateReference.MostRecent(DateParts.calendar(m, null, WORDS), true)).startingWith(DIGITS));
    }
}
