package org.palimpsest.archive.extraction.dating;

import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * Places a {@link DateReference} against the document's publication date. Without one, or when the counted date
 * does not exist (a "last month, February 29" counted from March 2023), the answer is the best partial date: the
 * parts written, without a year, marked unresolved.
 */
final class RelativeDateResolver {

    /** How far back "the latest February 29" may have to look: leap days are at most eight years apart. */
    private static final int YEARS_BACK = 8;

    record Placed(FuzzyDate date, boolean resolved) {
    }

    private RelativeDateResolver() {
    }

    static Placed place(DateReference reference, @Nullable LocalDate documentDate) {
        if (reference instanceof DateReference.Absolute absolute) {
            return new Placed(absolute.date(), true);
        }
        if (reference instanceof DateReference.YearOffset offset) {
            return documentDate == null ? unresolved(offset.written())
                    : withYear(offset.written(), documentDate.getYear() + offset.years());
        }
        if (reference instanceof DateReference.MonthOffset offset) {
            return placeMonth(offset, documentDate);
        }
        if (reference instanceof DateReference.WeekOffset offset) {
            return documentDate == null ? unresolved(new FuzzyDate(null, null, null, null, null, null, Precision.WEEK))
                    : new Placed(FuzzyDate.ofWeek(documentDate.plusWeeks(offset.weeks())), true);
        }
        if (reference instanceof DateReference.DayOffset offset) {
            return documentDate == null ? unresolved(new FuzzyDate(null, null, null, null, null, null, Precision.DAY))
                    : new Placed(FuzzyDate.ofDay(documentDate.plusDays(offset.days())), true);
        }
        DateReference.MostRecent recent = (DateReference.MostRecent) reference;
        return documentDate == null ? unresolved(recent.written()) : placeMostRecent(recent, documentDate);
    }

    private static Placed placeMonth(DateReference.MonthOffset offset, @Nullable LocalDate documentDate) {
        Precision precision = offset.day() == null ? Precision.MONTH : Precision.DAY;
        Qualifier qualifier = offset.day() == null ? offset.qualifier() : null;
        FuzzyDate written = new FuzzyDate(null, offset.writtenMonth(), offset.day(), null, null, qualifier, precision);
        if (documentDate == null) {
            return unresolved(written);
        }
        YearMonth target = YearMonth.from(documentDate).plusMonths(offset.months());
        if (offset.writtenMonth() != null && offset.writtenMonth() != target.getMonthValue()) {
            // The text names the month too and disagrees with the count: trust the name, in its latest past year.
            YearMonth named = YearMonth.of(documentDate.getYear(), offset.writtenMonth());
            target = named.isAfter(YearMonth.from(documentDate)) ? named.minusYears(1) : named;
        }
        if (offset.day() == null) {
            return new Placed(new FuzzyDate(target.getYear(), target.getMonthValue(), null, null, null, qualifier,
                    Precision.MONTH), true);
        }
        if (!target.isValidDay(offset.day())) {
            return unresolved(new FuzzyDate(null, target.getMonthValue(), offset.day(), null, null, null, Precision.DAY));
        }
        return new Placed(FuzzyDate.ofDay(target.getYear(), target.getMonthValue(), offset.day()), true);
    }

    private static Placed placeMostRecent(DateReference.MostRecent recent, LocalDate documentDate) {
        FuzzyDate written = recent.written();
        if (written.month() == null && written.day() != null) {
            // A day of an unnamed month: this month's if it has come, else the latest month that has the day.
            YearMonth month = YearMonth.from(documentDate);
            for (int i = 0; i < 24; i++, month = month.minusMonths(1)) {
                if (month.isValidDay(written.day())) {
                    LocalDate candidate = month.atDay(written.day());
                    if (recent.inclusive() ? !candidate.isAfter(documentDate) : candidate.isBefore(documentDate)) {
                        return new Placed(FuzzyDate.ofDay(candidate), true);
                    }
                }
            }
            return unresolved(written);
        }
        for (int year = documentDate.getYear(); year >= documentDate.getYear() - YEARS_BACK; year--) {
            Placed candidate = withYear(written, year);
            if (candidate.resolved()) {
                LocalDate end = candidate.date().latest();
                if (recent.inclusive() ? !end.isAfter(documentDate) : end.isBefore(documentDate)) {
                    return candidate;
                }
            }
        }
        return unresolved(written);
    }

    private static Placed withYear(FuzzyDate written, int year) {
        try {
            return new Placed(written.withYear(year), true);
        } catch (IllegalArgumentException noSuchDay) {
            return unresolved(written);
        }
    }

    private static Placed unresolved(FuzzyDate written) {
        return new Placed(written, false);
    }
}
