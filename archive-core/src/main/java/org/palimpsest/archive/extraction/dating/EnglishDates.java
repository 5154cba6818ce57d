package org.palimpsest.archive.extraction.dating;

import static org.palimpsest.archive.extraction.dating.DateParts.H;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.dating.DateParts.Vocabulary;

/**
 * English date expressions: {@code September 20, 2017}, {@code 20 September 2017}, {@code Dec. 2015},
 * {@code late 2017}, {@code mid-2018}, {@code the end of 2017}, {@code the first half of 2015}, {@code autumn 2017},
 * {@code Q3 2020}, a year after a preposition ({@code in 2017}) or opening a sentence ({@code 2017: ...}); relative
 * {@code last year}, {@code late last year}, {@code this March}, {@code last summer}, {@code last month},
 * {@code last week}, {@code yesterday}, {@code March 5}.
 *
 * <p>A bare four-digit number is a year only after a preposition or at the head of a sentence: elsewhere it is as often
 * an amount, a model number or a name ("GTC 2024").
 */
final class EnglishDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12),
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    /** Any case, except "may", which is a month only when capitalized. Never the start of a longer word (Janet, Marvel). */
    private static final String MONTH = "(?<month>" + DateParts.alternation(MONTHS.keySet()).replace("\\Qmay\\E", "(?-i:May|MAY)")
            + ")(?![a-z])";
    /** The first letters of the months and of the words for parts of a year or month, where their rules may match. */
    private static final String MONTH_STARTS = "jfmasond";
    private static final String PART_STARTS = "emltbsc";
    /** Every spelling of a month starts with one of these, in any case. */
    private static final Cue MONTH_CUE = Cue.anyOf("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec");
    /** In relative use ("this March") a month must be capitalized: "this may be", "last march". */
    private static final String CAPITALIZED_MONTH = "(?<month>(?-i:January|February|March|April|May|June|July|August|September"
            + "|October|November|December))\\b";
    private static final String YEAR = "(?<year>(?:19|20)[0-9]{2})(?![0-9]|'?s\\b)";

    /** English names the parts of a month and of a year alike: "late February 2018", "late 2017". */
    private static final Map<String, Qualifier> PARTS = Map.of(
            "early", Qualifier.EARLY, "mid", Qualifier.MID, "late", Qualifier.LATE, "middle", Qualifier.MID,
            "beginning", Qualifier.BEGINNING, "start", Qualifier.BEGINNING, "end", Qualifier.END, "close", Qualifier.END);

    static final Vocabulary WORDS = new Vocabulary(PARTS, PARTS,
            Map.of("spring", Season.SPRING, "summer", Season.SUMMER, "autumn", Season.AUTUMN, "fall", Season.AUTUMN,
                    "winter", Season.WINTER));

    private static final Map<String, Qualifier> HALVES = Map.of(
            "first", Qualifier.FIRST_HALF, "1st", Qualifier.FIRST_HALF,
            "second", Qualifier.SECOND_HALF, "2nd", Qualifier.SECOND_HALF, "latter", Qualifier.SECOND_HALF, "last", Qualifier.SECOND_HALF);
    private static final Map<String, Integer> QUARTERS = Map.of(
            "first", 1, "1st", 1, "second", 2, "2nd", 2, "third", 3, "3rd", 3, "fourth", 4, "4th", 4);

    private static final String PART = "(?:(?<q>early|mid|late)(?:-|" + H + "+)(?:in\\s+)?"
            + "|(?:the\\s+)?(?<edge>beginning|start|end|middle|close)\\s+of\\s+)";
    private static final String ORDINAL = "(?:st|nd|rd|th)?";
    /** Amounts written after a year-like number: "in 2015 dollars", "from 2000 people". */
    private static final String NOT_AN_AMOUNT = "(?![.,][0-9])(?!" + H
            + "*(?:dollars|euros|yen|won|people|employees|units|percent|%|명|개|원|달러|위안|엔|人|个|円|元|ドル|万|억|만))";

    private EnglishDates() {
    }

    static List<DateRule> rules() {
        return List.of(
                DateRule.of("en-month-day-year", Cue.both(Cue.digits(4), MONTH_CUE), "\\b" + MONTH + "\\.?" + H + "+(?<day>[0-9]{1,2})" + ORDINAL + ",?" + H + "+" + YEAR,
                        m -> absolute(day(m, DateParts.year(m)))).startingWith(MONTH_STARTS),
                DateRule.of("en-day-month-year", Cue.both(Cue.digits(4), MONTH_CUE), "\\b(?<day>[0-9]{1,2})" + ORDINAL + H + "+(?:of\\s+)?" + MONTH + "\\.?,?" + H + "+" + YEAR,
                        m -> absolute(day(m, DateParts.year(m)))).startingWith("0123456789"),
                DateRule.of("en-month-year", Cue.both(Cue.digits(4), MONTH_CUE), "\\b" + PART + "?" + MONTH + "\\.?,?" + H + "+(?:of\\s+)?" + YEAR,
                        m -> absolute(new FuzzyDate(DateParts.year(m), month(m), null, null, null, part(m), Precision.MONTH))).startingWith(PART_STARTS + MONTH_STARTS),
                DateRule.of("en-part-of-year", Cue.both(Cue.digits(4), Cue.anyOf("early", "mid", "late", "beginning", "start", "end", "close", "half")), "\\b(?:" + PART + "|(?:the\\s+)?(?<half>first|second|latter|last|1st|2nd)\\s+half\\s+of\\s+)" + YEAR,
                        m -> absolute(FuzzyDate.ofYear(DateParts.year(m)).with(part(m)))).startingWith(PART_STARTS + "tfsl12"),
                DateRule.of("en-season-year", Cue.both(Cue.digits(4), Cue.anyOf("spring", "summer", "autumn", "fall", "winter")), "\\b(?:(?<q>early|mid|late)(?:-|" + H + "+))?(?<season>" + WORDS.seasonAlternation()
                                + ")(?:\\s+of)?" + H + "+" + YEAR,
                        m -> absolute(FuzzyDate.ofSeason(DateParts.year(m), DateParts.lookUp(WORDS.seasons(), m.group("season"))).with(part(m)))).startingWith("eml" + "swaf"),
                DateRule.of("en-quarter-year", Cue.both(Cue.digits(4), Cue.anyOf("q")), "\\bQ(?<n>[1-4])(?:\\s+of)?" + H + "*'?" + YEAR,
                        m -> absolute(FuzzyDate.ofQuarter(DateParts.year(m), DateParts.number(m.group("n"))))).startingWith("q"),
                DateRule.of("en-year-quarter", Cue.both(Cue.digits(4), Cue.anyOf("q")), "\\b" + YEAR + H + "*[-/]?" + H + "*Q(?<n>[1-4])\\b",
                        m -> absolute(FuzzyDate.ofQuarter(DateParts.year(m), DateParts.number(m.group("n"))))).startingWith("12"),
                DateRule.of("en-ordinal-quarter", Cue.both(Cue.digits(4), Cue.anyOf("quarter")), "\\b(?:the\\s+)?(?<n>first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+(?:of\\s+)?" + YEAR,
                        m -> absolute(FuzzyDate.ofQuarter(DateParts.year(m), DateParts.lookUp(QUARTERS, m.group("n"))))).startingWith("tfs1234"),
                DateRule.of("en-year-after-preposition", Cue.both(Cue.digits(4), Cue.anyOf("in", "during", "since", "from", "around", "circa", "throughout", "c.")), "\\b(?:in|during|since|from|around|circa|throughout|c\\.)" + H + "+(?<date>" + YEAR + ")"
                                + NOT_AN_AMOUNT,
                        m -> absolute(FuzzyDate.ofYear(DateParts.year(m)))).startingWith("idsfatc"),
                DateRule.of("en-year-heading-sentence", Cue.digits(4), "^" + H + "*(?<date>" + YEAR + ")(?=" + H + "*(?:[,:：，、—–]|-" + H + "))",
                        m -> absolute(FuzzyDate.ofYear(DateParts.year(m)))),
                DateRule.of("en-year-relative", Cue.anyOf("year"), "\\b(?:(?<q>early|mid|late)(?:-|" + H + "+)(?:in\\s+)?)?(?<rel>last|this)" + H + "+year\\b",
                        m -> new DateReference.YearOffset(offset(m), new FuzzyDate(null, null, null, null, null, part(m), Precision.YEAR))).startingWith("emllt"),
                DateRule.of("en-season-relative", Cue.anyOf("last", "this"), "\\b(?<rel>last|this)" + H + "+(?<season>" + WORDS.seasonAlternation() + ")\\b",
                        m -> named(m, new FuzzyDate(null, null, null, DateParts.lookUp(WORDS.seasons(), m.group("season")), null, null,
                                Precision.SEASON))).startingWith("lt"),
                DateRule.of("en-month-relative", Cue.anyOf("last", "this"), "\\b(?<rel>last|this)" + H + "+" + CAPITALIZED_MONTH,
                        m -> named(m, new FuzzyDate(null, month(m), null, null, null, null, Precision.MONTH))).startingWith("lt"),
                DateRule.of("en-last-month", Cue.anyOf("month"), "\\b(?<rel>last|this)" + H + "+month\\b",
                        m -> new DateReference.MonthOffset(offset(m), null, null, null)).startingWith("lt"),
                DateRule.of("en-last-week", Cue.anyOf("week"), "\\b(?<rel>last|this)" + H + "+week\\b",
                        m -> new DateReference.WeekOffset(offset(m))).startingWith("lt"),
                DateRule.of("en-yesterday", Cue.anyOf("yesterday"), "\\b(?<rel>the\\s+day\\s+before\\s+yesterday|yesterday)\\b",
                        m -> new DateReference.DayOffset(m.group("rel").equalsIgnoreCase("yesterday") ? -1 : -2)).startingWith("ty"),
                DateRule.of("en-month-day", Cue.both(Cue.digits(1), MONTH_CUE), "\\b" + MONTH + "\\.?" + H + "+(?<day>[0-9]{1,2})" + ORDINAL + "\\b(?!,?" + H + "*[0-9])(?!:)",
                        m -> new DateReference.MostRecent(day(m, null), true)).startingWith(MONTH_STARTS),
                DateRule.of("en-day-month", Cue.both(Cue.digits(1), MONTH_CUE), "\\b(?<day>[0-9]{1,2})" + ORDINAL + H + "+(?:of\\s+)?" + MONTH + "(?!\\.?,?" + H + "*[0-9])",
                        m -> new DateReference.MostRecent(day(m, null), true)).startingWith("0123456789"));
    }

    private static DateReference absolute(FuzzyDate date) {
        return new DateReference.Absolute(date);
    }

    private static FuzzyDate day(Matcher m, @Nullable Integer year) {
        return new FuzzyDate(year, month(m), DateParts.number(m.group("day")), null, null, null, Precision.DAY);
    }

    private static int month(Matcher m) {
        return DateParts.lookUp(MONTHS, m.group("month").toLowerCase(Locale.ROOT));
    }

    private static @Nullable Qualifier part(Matcher m) {
        String word = DateParts.group(m, "q") != null ? DateParts.group(m, "q") : DateParts.group(m, "edge");
        if (word != null) {
            return DateParts.lookUp(WORDS.yearParts(), word.toLowerCase(Locale.ROOT));
        }
        String half = DateParts.group(m, "half");
        return half == null ? null : DateParts.lookUp(HALVES, half.toLowerCase(Locale.ROOT));
    }

    private static int offset(Matcher m) {
        return m.group("rel").equalsIgnoreCase("last") ? -1 : 0;
    }

    /** "this March" is this year's; "last March" the latest one already over. */
    private static DateReference named(Matcher m, FuzzyDate written) {
        return offset(m) == 0 ? new DateReference.YearOffset(0, written) : new DateReference.MostRecent(written, false);
    }
}
