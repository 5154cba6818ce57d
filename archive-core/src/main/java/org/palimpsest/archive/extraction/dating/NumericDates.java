package org.palimpsest.archive.extraction.dating;

import static org.palimpsest.archive.extraction.dating.DateParts.H;

import java.util.List;

/**
 * Dates written in digits only: ISO {@code 2017-09-20}, {@code 2017/09/20}, the Korean {@code 2024. 3. 13.}, and year
 * ranges ({@code 2016–2019}, {@code 2016~2019년}), which date a statement by their start: the timeline places a
 * statement where its story begins.
 *
 * <p>No {@code 2017-09} year-month form: it cannot be told from a range of years written short ("2011-12").
 */
final class NumericDates {

    private static final String YEAR = "(?<year>(?:19|20)[0-9]{2})";
    private static final String MONTH = "(?<month>0?[1-9]|1[0-2])";
    private static final String DAY = "(?<day>0?[1-9]|[12][0-9]|3[01])";

    private NumericDates() {
    }

    static List<DateRule> rules() {
        return List.of(
                DateRule.of("iso-date", Cue.both(Cue.digits(4), Cue.anyOf("-")), "(?<![0-9.\\-/])" + YEAR + "-(?<month>0[1-9]|1[0-2])-(?<day>0[1-9]|[12][0-9]|3[01])(?![0-9])",
                        NumericDates::day).startingWith("12"),
                DateRule.of("slashed-date", Cue.both(Cue.digits(4), Cue.anyOf("/")), "(?<![0-9.\\-/])" + YEAR + "/" + MONTH + "/" + DAY + "(?![0-9/])", NumericDates::day).startingWith("12"),
                DateRule.of("dotted-date", Cue.both(Cue.digits(4), Cue.anyOf(".")), "(?<![0-9.])" + YEAR + "\\." + H + "?" + MONTH + "\\." + H + "?" + DAY + "\\.?(?![0-9]|\\.[0-9])",
                        NumericDates::day).startingWith("12"),
                DateRule.of("year-range", Cue.both(Cue.digits(4), Cue.anyOf("–", "—", "~", "〜", "～", "-")), "(?<![0-9.,$€£¥₩])" + YEAR + H + "*[–—~〜～-]" + H + "*(?:19|20)[0-9]{2}(?![0-9])(?:"
                                + H + "?[년年])?",
                        m -> new DateReference.Absolute(FuzzyDate.ofYear(DateParts.year(m)))).startingWith("12"));
    }

    private static DateReference day(java.util.regex.Matcher m) {
        return new DateReference.Absolute(FuzzyDate.ofDay(DateParts.year(m), DateParts.number(m.group("month")),
                DateParts.number(m.group("day"))));
    }
}
