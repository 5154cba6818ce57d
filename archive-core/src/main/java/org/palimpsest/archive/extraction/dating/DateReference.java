package org.palimpsest.archive.extraction.dating;

import org.jspecify.annotations.Nullable;

/**
 * What a date expression says: a calendar date, or a date counted from the publication that only a document date
 * can place. Relative forms keep the parts written (the {@code 3월} of {@code 작년 3월}) as a {@link FuzzyDate} without
 * a year, which is also the best partial date when there is nothing to count from.
 */
sealed interface DateReference {

    /** "2017년 9월 20일", "late 2017", "2017年末". */
    record Absolute(FuzzyDate date) implements DateReference {
    }

    /** "작년 3월", "昨年秋", "this year": {@code years} from the publication year, then the parts written. */
    record YearOffset(int years, FuzzyDate written) implements DateReference {
    }

    /**
     * "지난달", "先月20日", "지난달 2월 29일": {@code months} from the publication month. A month written out as well
     * ({@code writtenMonth}) is trusted over the count when the two disagree.
     */
    record MonthOffset(int months, @Nullable Integer writtenMonth, @Nullable Integer day, @Nullable Qualifier qualifier)
            implements DateReference {
    }

    /** "지난주", "先週", "last week". */
    record WeekOffset(int weeks) implements DateReference {
    }

    /** "어제", "昨日", "yesterday". */
    record DayOffset(int days) implements DateReference {
    }

    /**
     * The latest past occurrence of a partly written date: "지난 5일" and "5일(현지시간)" (a day of some month),
     * "3월 5일" (a day of some year), "last March", "지난 봄". With {@code inclusive} the occurrence may be the
     * publication day itself; otherwise it must have ended before it (said in March, "last March" is a year ago).
     */
    record MostRecent(FuzzyDate written, boolean inclusive) implements DateReference {
    }
}
