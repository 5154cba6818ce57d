package org.palimpsest.archive.extraction.dating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzyDateTest {

    @Test
    void narrowsASeasonOrQuarterByWholeMonths() {
        FuzzyDate lateQ4 = FuzzyDate.ofQuarter(2020, 4).with(Qualifier.LATE);
        assertThat(lateQ4.earliest()).isEqualTo(LocalDate.of(2020, 12, 1));
        assertThat(lateQ4.latest()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(lateQ4.iso()).isEqualTo("2020-Q4-late");
        FuzzyDate earlyWinter = FuzzyDate.ofSeason(2023, Season.WINTER).with(Qualifier.BEGINNING);
        assertThat(earlyWinter.earliest()).isEqualTo(LocalDate.of(2023, 12, 1));
        assertThat(earlyWinter.latest()).isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void namesAWeekByItsIsoNumberAcrossTheYearEnd() {
        FuzzyDate week = FuzzyDate.ofWeek(LocalDate.of(2021, 1, 2));
        assertThat(week.iso()).isEqualTo("2020-W53");
        assertThat(week.earliest()).isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(week.latest()).isEqualTo(LocalDate.of(2021, 1, 3));
    }

    @Test
    void sortsByStartThenNarrowerFirstThenUnplacedLast() {
        List<FuzzyDate> dates = new ArrayList<>(List.of(
                new FuzzyDate(null, 2, 29, null, null, null, Precision.DAY),
                FuzzyDate.ofYear(2017),
                FuzzyDate.ofMonth(2017, 1),
                FuzzyDate.ofDay(2016, 12, 31),
                FuzzyDate.ofYear(2017).with(Qualifier.LATE)));
        dates.sort(null);
        assertThat(dates).extracting(FuzzyDate::iso)
                .containsExactly("2016-12-31", "2017-01", "2017", "2017-late", "XXXX-02-29");
    }

    @Test
    void refusesDaysThatDoNotExistAndPartsThatDoNotFit() {
        assertThatThrownBy(() -> FuzzyDate.ofDay(2023, 2, 29)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FuzzyDate.ofMonth(2023, 13)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FuzzyDate.ofSeason(2023, Season.SPRING).with(Qualifier.FIRST_HALF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FuzzyDate(2023, 2, 1, null, null, null, Precision.MONTH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FuzzyDate.ofDay(2024, 2, 29).iso()).isEqualTo("2024-02-29");
    }

    @Test
    void anUnplacedDateHasNoInterval() {
        FuzzyDate partial = new FuzzyDate(null, null, 5, null, null, null, Precision.DAY);
        assertThat(partial.placed()).isFalse();
        assertThat(partial.iso()).isEqualTo("XXXX-XX-05");
        assertThat(partial.isAfter(LocalDate.of(2024, 1, 1))).isFalse();
        assertThatThrownBy(partial::earliest).isInstanceOf(IllegalStateException.class);
    }
}
