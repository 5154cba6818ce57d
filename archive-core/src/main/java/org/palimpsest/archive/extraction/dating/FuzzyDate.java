package org.palimpsest.archive.extraction.dating;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * A date at the precision it was written: a day, a week, a month, a season, a quarter or a year, optionally narrowed
 * by a {@link Qualifier}.
 *
 * <p>The year is null only for a relative date that could not be placed ("지난달 2월 29일" in a document without a
 * publication date): such a date keeps what was written (month 2, day 29) and has no interval; see {@link #placed()}.
 *
 * @param year      the year, or null when unknown
 * @param month     1–12 for {@code DAY}, {@code MONTH} and {@code WEEK} (the week's Monday), else null
 * @param day       1–31 for {@code DAY} and {@code WEEK} (the week's Monday), else null
 * @param season    for {@code SEASON} only
 * @param quarter   1–4 for {@code QUARTER} only
 * @param qualifier the part of a {@code YEAR}, {@code MONTH}, {@code SEASON} or {@code QUARTER} meant, if any
 * @param precision the unit written
 */
public record FuzzyDate(
        @Nullable Integer year,
        @Nullable Integer month,
        @Nullable Integer day,
        @Nullable Season season,
        @Nullable Integer quarter,
        @Nullable Qualifier qualifier,
        Precision precision) implements Comparable<FuzzyDate> {

    /** Placed dates first, by start, then the narrower first; unplaced last, by their ISO form. */
    private static final Comparator<FuzzyDate> ORDER = Comparator
            .comparing((FuzzyDate d) -> !d.placed())
            .thenComparing(d -> d.placed() ? d.earliest() : LocalDate.MIN)
            .thenComparing(d -> d.placed() ? d.latest() : LocalDate.MIN)
            .thenComparing(FuzzyDate::iso);

    public FuzzyDate {
        check(month == null || (month >= 1 && month <= 12), "month out of range: " + month);
        check(day == null || (day >= 1 && day <= 31), "day out of range: " + day);
        check(quarter == null || (quarter >= 1 && quarter <= 4), "quarter out of range: " + quarter);
        switch (precision) {
            case DAY, WEEK -> check(season == null && quarter == null && qualifier == null,
                    precision + " takes no season, quarter or qualifier");
            case MONTH -> check(day == null && season == null && quarter == null, "MONTH takes no day, season or quarter");
            case SEASON -> check(month == null && day == null && quarter == null && (qualifier == null || !qualifier.isHalf()),
                    "SEASON takes no month, day, quarter or half");
            case QUARTER -> check(month == null && day == null && season == null && (qualifier == null || !qualifier.isHalf()),
                    "QUARTER takes no month, day, season or half");
            case YEAR -> check(month == null && day == null && season == null && quarter == null,
                    "YEAR takes no month, day, season or quarter");
        }
        if (year != null) {
            switch (precision) {
                case DAY, WEEK -> check(month != null && day != null, precision + " needs a month and a day");
                case MONTH -> check(month != null, "MONTH needs a month");
                case SEASON -> check(season != null, "SEASON needs a season");
                case QUARTER -> check(quarter != null, "QUARTER needs a quarter");
                case YEAR -> { }
            }
            if (day != null && month != null) {
                try {
                    LocalDate date = LocalDate.of(year, month, day);
                    check(precision != Precision.WEEK || date.getDayOfWeek() == DayOfWeek.MONDAY,
                            "WEEK is stored as its Monday");
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("no such day: " + year + "-" + month + "-" + day, e);
                }
            }
        }
    }

    public static FuzzyDate ofDay(int year, int month, int day) {
        return new FuzzyDate(year, month, day, null, null, null, Precision.DAY);
    }

    public static FuzzyDate ofDay(LocalDate date) {
        return ofDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** The ISO week (Monday to Sunday) containing {@code anyDay}. */
    public static FuzzyDate ofWeek(LocalDate anyDay) {
        LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
        return new FuzzyDate(monday.getYear(), monday.getMonthValue(), monday.getDayOfMonth(), null, null, null,
                Precision.WEEK);
    }

    public static FuzzyDate ofMonth(int year, int month) {
        return new FuzzyDate(year, month, null, null, null, null, Precision.MONTH);
    }

    public static FuzzyDate ofSeason(int year, Season season) {
        return new FuzzyDate(year, null, null, season, null, null, Precision.SEASON);
    }

    public static FuzzyDate ofQuarter(int year, int quarter) {
        return new FuzzyDate(year, null, null, null, quarter, null, Precision.QUARTER);
    }

    public static FuzzyDate ofYear(int year) {
        return new FuzzyDate(year, null, null, null, null, null, Precision.YEAR);
    }

    public FuzzyDate with(@Nullable Qualifier newQualifier) {
        return new FuzzyDate(year, month, day, season, quarter, newQualifier, precision);
    }

    public FuzzyDate withYear(int newYear) {
        return new FuzzyDate(newYear, month, day, season, quarter, qualifier, precision);
    }

    /** True when the year is known, so the date covers an interval of days. */
    public boolean placed() {
        return year != null;
    }

    /**
     * A sortable text form: ISO 8601 where it has one ({@code 2017}, {@code 2017-09}, {@code 2017-09-20},
     * {@code 2024-W10}), else the year followed by the part: {@code 2017-autumn}, {@code 2020-Q3}, and a qualifier
     * last: {@code 2017-late}, {@code 2015-H2}, {@code 2018-02-early}, {@code 2017-end}. Unknown digits are
     * {@code X}, as in ISO 8601-2: {@code XXXX-02-29}.
     */
    public String iso() {
        StringBuilder s = new StringBuilder(year == null ? "XXXX" : String.format("%04d", year));
        switch (precision) {
            case DAY -> s.append('-').append(twoDigits(month)).append('-').append(twoDigits(day));
            case WEEK -> s.setLength(0);
            case MONTH -> s.append('-').append(twoDigits(month));
            case SEASON -> s.append('-').append(season == null ? "XX" : season.isoName());
            case QUARTER -> s.append("-Q").append(quarter == null ? "X" : quarter.toString());
            case YEAR -> { }
        }
        if (precision == Precision.WEEK) {
            if (placed()) {
                LocalDate monday = LocalDate.of(year, month, day);
                s.append(String.format("%04d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            } else {
                s.append("XXXX-WXX");
            }
        }
        if (qualifier != null) {
            s.append('-').append(qualifier.isoSuffix());
        }
        return s.toString();
    }

    /** The first day this date may mean. Only for {@link #placed()} dates. */
    public LocalDate earliest() {
        return interval()[0];
    }

    /** The last day this date may mean, inclusive. Only for {@link #placed()} dates. */
    public LocalDate latest() {
        return interval()[1];
    }

    /** True when the whole of this date lies after {@code day}. */
    public boolean isAfter(LocalDate day) {
        return placed() && earliest().isAfter(day);
    }

    /** True when the whole of this date lies before {@code day}. */
    public boolean isBefore(LocalDate day) {
        return placed() && latest().isBefore(day);
    }

    @Override
    public int compareTo(FuzzyDate other) {
        return ORDER.compare(this, other);
    }

    private LocalDate[] interval() {
        if (year == null) {
            throw new IllegalStateException("date " + iso() + " has no year, hence no interval");
        }
        return switch (precision) {
            case DAY -> {
                LocalDate d = LocalDate.of(year, month, day);
                yield new LocalDate[] {d, d};
            }
            case WEEK -> {
                LocalDate monday = LocalDate.of(year, month, day);
                yield new LocalDate[] {monday, monday.plusDays(6)};
            }
            case MONTH -> qualifier == null ? months(YearMonth.of(year, month), 1) : partOfMonth(YearMonth.of(year, month));
            case SEASON -> partOfMonths(YearMonth.of(year, season.firstMonth()), 3);
            case QUARTER -> partOfMonths(YearMonth.of(year, 3 * quarter - 2), 3);
            case YEAR -> partOfMonths(YearMonth.of(year, 1), 12);
        };
    }

    /** The qualified part of {@code length} whole months from {@code first} (12 for a year, 3 for a season or quarter). */
    private LocalDate[] partOfMonths(YearMonth first, int length) {
        if (qualifier == null) {
            return months(first, length);
        }
        int sixth = length / 6;
        int third = length / 3;
        return switch (qualifier) {
            case EARLY -> months(first, third);
            case MID -> months(first.plusMonths(third), third);
            case LATE -> months(first.plusMonths(2L * third), third);
            case FIRST_HALF -> months(first, length / 2);
            case SECOND_HALF -> months(first.plusMonths(length / 2), length / 2);
            // A season or quarter has no whole-month sixth: its beginning and end are its first and last month.
            case BEGINNING -> months(first, Math.max(sixth, 1));
            case END -> {
                int size = Math.max(sixth, 1);
                yield months(first.plusMonths(length - size), size);
            }
        };
    }

    private LocalDate[] partOfMonth(YearMonth month) {
        int last = month.lengthOfMonth();
        return switch (java.util.Objects.requireNonNull(qualifier)) {
            case EARLY, BEGINNING -> days(month, 1, 10);
            case MID -> days(month, 11, 20);
            case LATE, END -> days(month, 21, last);
            case FIRST_HALF -> days(month, 1, 15);
            case SECOND_HALF -> days(month, 16, last);
        };
    }

    private static LocalDate[] months(YearMonth first, int count) {
        return new LocalDate[] {first.atDay(1), first.plusMonths(count - 1L).atEndOfMonth()};
    }

    private static LocalDate[] days(YearMonth month, int from, int to) {
        return new LocalDate[] {month.atDay(from), month.atDay(to)};
    }

    private static String twoDigits(@Nullable Integer value) {
        return value == null ? "XX" : String.format("%02d", value);
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
