package org.palimpsest.archive.extraction.dating;

import static org.palimpsest.archive.extraction.dating.DateParts.D;
import static org.palimpsest.archive.extraction.dating.DateParts.DIGITS;
import static org.palimpsest.archive.extraction.dating.DateParts.H;
import static org.palimpsest.archive.extraction.dating.DateParts.NOT_IN_NUMBER;
import static org.palimpsest.archive.extraction.dating.DateParts.YEAR;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.palimpsest.archive.extraction.dating.DateParts.Vocabulary;

/**
 * Korean date expressions: {@code 2017년 9월 20일}, {@code 2017년 가을}, {@code 2018년 2월 초순}, {@code 2015년 하반기},
 * {@code 2020년 3분기}, and the relative forms of news writing: {@code 지난해 봄}, {@code 작년}, {@code 올해 3월},
 * {@code 지난달 2월 29일}, {@code 지난주}, {@code 어제}, {@code 지난 5일}, {@code 5일(현지시간)}, {@code 3월 5일}.
 */
final class KoreanDates {

    static final Vocabulary WORDS = new Vocabulary(
            Map.of("초순", Qualifier.EARLY, "상순", Qualifier.EARLY, "중순", Qualifier.MID, "하순", Qualifier.LATE,
                    "초", Qualifier.BEGINNING, "말", Qualifier.END,
                    "초반", Qualifier.EARLY, "중반", Qualifier.MID, "후반", Qualifier.LATE),
            Map.of("상반기", Qualifier.FIRST_HALF, "하반기", Qualifier.SECOND_HALF,
                    "초반", Qualifier.EARLY, "중반", Qualifier.MID, "후반", Qualifier.LATE,
                    "초", Qualifier.BEGINNING, "말", Qualifier.END),
            Map.of("봄", Season.SPRING, "여름", Season.SUMMER, "가을", Season.AUTUMN, "겨울", Season.WINTER));

    /**
     * What may follow a one-syllable word such as 초, 말 or 봄 for it to be that word: the end of the Hangul run or a
     * particle. Keeps {@code 2017년 말레이시아} and {@code 2017년 초대 회장} from being year-ends and beginnings.
     */
    private static final String PARTICLES = "$|[^가-힣]|에|의|은|는|도|부터|까지|쯤|경|께|엔|이|을|를|과|와|로|으로|만|인|무렵";
    private static final String WORD_END = "(?=" + PARTICLES + ")";
    private static final String NOT_IN_WORD = "(?<![가-힣])";

    /** Everything a year can be followed by: a month (with a day or a part), a quarter, a season, a part of the year. */
    private static final String TAIL = "(?:" + H + "*(?:"
            + "(?<month>" + D + "{1,2})" + H + "?월(?:" + H + "*(?<day>" + D + "{1,2})" + H + "?일"
            + "|" + H + "*(?<mq>" + WORDS.monthPartAlternation() + ")" + WORD_END + ")?"
            + "|(?<q>[1-4１-４])" + H + "?분기"
            + "|(?<season>" + WORDS.seasonAlternation() + ")" + WORD_END
            + "|(?<yq>" + WORDS.yearPartAlternation() + ")" + WORD_END + "))";

    private static final Map<String, Integer> YEARS_FROM_NOW = Map.of(
            "지지난해", -2, "재작년", -2, "지난해", -1, "작년", -1, "올해", 0, "금년", 0);
    private static final Map<String, Integer> MONTHS_FROM_NOW = Map.of(
            "지난달", -1, "지난 달", -1, "저번달", -1, "저번 달", -1, "이번달", 0, "이번 달", 0, "이달", 0);
    private static final Map<String, Integer> WEEKS_FROM_NOW = Map.of(
            "지난주", -1, "지난 주", -1, "저번주", -1, "저번 주", -1, "이번주", 0, "이번 주", 0);
    private static final Map<String, Integer> DAYS_FROM_NOW = Map.of("어제", -1, "그제", -2, "그저께", -2, "엊그제", -2);

    private KoreanDates() {
    }

    static List<DateRule> rules() {
        return List.of(
                // 2000년대 is a decade, 2017년형 a model year: neither dates an event.
                DateRule.of("ko-calendar", Cue.both(Cue.digits(4), Cue.anyOf("년")), NOT_IN_NUMBER + YEAR + H + "?년(?![대형])" + TAIL + "?",
                        m -> new DateReference.Absolute(DateParts.calendar(m, DateParts.year(m), WORDS))).startingWith("12１２"),
                DateRule.of("ko-year-relative", Cue.anyOf("해", "년"),
                        NOT_IN_WORD + "(?<rel>" + DateParts.alternation(YEARS_FROM_NOW.keySet()) + ")(?:" + TAIL + "|" + WORD_END + ")",
                        m -> new DateReference.YearOffset(YEARS_FROM_NOW.get(m.group("rel")), DateParts.calendar(m, null, WORDS))).startingWith("지재작올금"),
                DateRule.of("ko-month-relative", Cue.anyOf("달"),
                        NOT_IN_WORD + "(?<rel>" + spaced(MONTHS_FROM_NOW) + ")(?:" + H + "*(?<month>" + D + "{1,2})" + H + "?월)?"
                                + "(?:" + H + "*(?<day>" + D + "{1,2})" + H + "?일|" + H + "*(?<mq>" + WORDS.monthPartAlternation()
                                + ")" + WORD_END + "|" + WORD_END + ")",
                        KoreanDates::monthOffset).startingWith("지저이"),
                DateRule.of("ko-week-relative", Cue.anyOf("주"), NOT_IN_WORD + "(?<rel>" + spaced(WEEKS_FROM_NOW) + ")(?=말|" + PARTICLES + ")",
                        m -> new DateReference.WeekOffset(WEEKS_FROM_NOW.get(unspaced(m.group("rel"))))).startingWith("지저이"),
                DateRule.of("ko-day-relative", Cue.anyOf("제", "께"), NOT_IN_WORD + "(?<rel>" + DateParts.alternation(DAYS_FROM_NOW.keySet()) + ")" + WORD_END,
                        m -> new DateReference.DayOffset(DAYS_FROM_NOW.get(m.group("rel")))).startingWith("어그엊"),
                // 지난 5일: the latest 5th; but 지난 5일간 / 지난 5일 동안 is "the past five days".
                DateRule.of("ko-last-day", Cue.both(Cue.anyOf("지난"), Cue.digits(1)), NOT_IN_WORD + "지난" + H + "?(?<day>" + D + "{1,2})" + H + "?일(?!" + H + "?(?:간|동안|째|만|여|내|이내))",
                        m -> latestDay(m, true)).startingWith("지"),
                DateRule.of("ko-last-month", Cue.both(Cue.anyOf("지난"), Cue.digits(1)), NOT_IN_WORD + "지난" + H + "?(?<month>" + D + "{1,2})" + H + "?월(?:" + H + "?(?<day>" + D + "{1,2})" + H + "?일)?",
                        m -> latestDay(m, DateParts.group(m, "day") != null)).startingWith("지"),
                DateRule.of("ko-last-season", Cue.anyOf("지난"), NOT_IN_WORD + "지난" + H + "?(?<season>" + WORDS.seasonAlternation() + ")" + WORD_END,
                        m -> new DateReference.MostRecent(DateParts.calendar(m, null, WORDS), false)).startingWith("지"),
                // News convention: "5일(현지시간)" is the 5th of the month of publication, or of the month before.
                DateRule.of("ko-day-local-time", Cue.both(Cue.digits(1), Cue.anyOf("일")), "(?<![0-9０-９월.])(?<date>(?<day>" + D + "{1,2})" + H + "?일)" + H + "?[(（]" + H
                                + "?(?:현지|미국|미|美|한국|일본|중국|영국|유럽)" + H + "?(?:동부|서부)?" + H + "?(?:시간|시각)" + H + "?[)）]",
                        m -> latestDay(m, true)).startingWith(DIGITS),
                DateRule.of("ko-month-day", Cue.both(Cue.digits(1), Cue.anyOf("월")), "(?<![0-9０-９.년])(?<month>" + D + "{1,2})" + H + "?월" + H + "?(?<day>" + D + "{1,2})" + H + "?일",
                        m -> latestDay(m, true)).startingWith(DIGITS));
    }

    private static DateReference monthOffset(Matcher m) {
        String month = DateParts.group(m, "month");
        String day = DateParts.group(m, "day");
        String part = DateParts.group(m, "mq");
        return new DateReference.MonthOffset(MONTHS_FROM_NOW.get(unspaced(m.group("rel"))),
                month == null ? null : DateParts.number(month), day == null ? null : DateParts.number(day),
                part == null ? null : WORDS.monthParts().get(part));
    }

    private static DateReference latestDay(Matcher m, boolean inclusive) {
        return new DateReference.MostRecent(DateParts.calendar(m, null, WORDS), inclusive);
    }

    /** The words with their inner space optional or any horizontal space: 지난달, 지난 달. */
    private static String spaced(Map<String, Integer> words) {
        return DateParts.alternation(words.keySet()).replace(" ", "\\E" + H + "?\\Q");
    }

    private static String unspaced(String written) {
        return written.replaceAll(H + "+", "");
    }
}
