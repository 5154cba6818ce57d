package org.palimpsest.archive.extraction.dating;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reading the parts of a matched date — year, month, day, quarter, season, the qualifier words of one language — into
 * a {@link FuzzyDate}. Shared by the per-language rules, which agree on group names: {@code year}, {@code month},
 * {@code day}, {@code q}/{@code q2} (quarter), {@code season}, {@code mq} (part of a month), {@code yq} (part of a year).
 */
final class DateParts {

    /** Horizontal space only: a date never continues over a line break. */
    static final String H = "[ \\t\\u00A0\\u3000]";
    /** ASCII and full-width digits, common in Japanese text. */
    static final String D = "[0-9０-９]";
    /** The characters of {@link #D}, for {@link DateRule#startingWith}. */
    static final String DIGITS = "0123456789０１２３４５６７８９";
    static final String YEAR = "(?<year>[12１２]" + D + "{3})";
    /** Not the tail of a larger number, an amount or a decimal: keeps "$2015" and "12,2015" out. */
    static final String NOT_IN_NUMBER = "(?<![0-9０-９.,，$€£¥₩＄])";

    /** The words of one language for the parts of a month, the parts of a year, and the seasons. */
    record Vocabulary(Map<String, Qualifier> monthParts, Map<String, Qualifier> yearParts, Map<String, Season> seasons) {

        String monthPartAlternation() {
            return alternation(monthParts.keySet());
        }

        String yearPartAlternation() {
            return alternation(yearParts.keySet());
        }

        String seasonAlternation() {
            return alternation(seasons.keySet());
        }
    }

    private DateParts() {
    }

    /** Longest first, so that 초순 is tried before 초 and 上半年 before 上. */
    static String alternation(Collection<String> words) {
        return words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    static @Nullable String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    /** A number in ASCII, full-width or Chinese digits (一二三四, for quarters). */
    static int number(String digits) {
        String chinese = "〇一二三四五六七八九";
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d = chinese.indexOf(c) >= 0 ? chinese.indexOf(c) : Character.digit(c, 10);
            if (d < 0) {
                throw new IllegalArgumentException("not a digit: " + c);
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** The year group, which must exist and lie in 1900–2099: earlier four-digit numbers are mostly amounts. */
    static int year(Matcher m) {
        int year = number(m.group("year"));
        if (year < 1900 || year > 2099) {
            throw new IllegalArgumentException("not a plausible year: " + year);
        }
        return year;
    }

    /**
     * The date named by the groups after the year: a day, a month with or without its part, a quarter, a season or a
     * part of the year; the bare year when none matched. {@code year} may be null for the tail of a relative date.
     */
    static FuzzyDate calendar(Matcher m, @Nullable Integer year, Vocabulary words) {
        String month = group(m, "month");
        String day = group(m, "day");
        String quarter = group(m, "q") != null ? group(m, "q") : group(m, "q2");
        String season = group(m, "season");
        String monthPart = group(m, "mq");
        String yearPart = group(m, "yq");
        FuzzyDate date;
        if (day != null) {
            // A day without a month ("지난 5일") only comes from relative forms, which have no year either.
            date = new FuzzyDate(year, month == null ? null : number(month), number(day), null, null, null, Precision.DAY);
        } else if (month != null) {
            Qualifier qualifier = monthPart == null ? null : lookUp(words.monthParts(), monthPart);
            date = new FuzzyDate(year, number(month), null, null, null, qualifier, Precision.MONTH);
        } else if (quarter != null) {
            date = new FuzzyDate(year, null, null, null, number(quarter), null, Precision.QUARTER);
        } else if (season != null) {
            date = new FuzzyDate(year, null, null, lookUp(words.seasons(), season), null, null, Precision.SEASON);
        } else {
            Qualifier qualifier = yearPart == null ? null : lookUp(words.yearParts(), yearPart);
            date = new FuzzyDate(year, null, null, null, null, qualifier, Precision.YEAR);
        }
        return date;
    }

    static <T> T lookUp(Map<String, T> words, String written) {
        T value = words.get(written);
        if (value == null) {
            value = words.get(written.toLowerCase(java.util.Locale.ROOT));
        }
        if (value == null) {
            throw new IllegalArgumentException("unknown date word: " + written);
        }
        return value;
    }
}
