package org.palimpsest.archive.extraction.dating;

/**
 * A part of the unit a date was written in. What part, by unit:
 *
 * <table>
 *   <caption>Interval covered by each qualifier</caption>
 *   <tr><th></th><th>year</th><th>month</th><th>season, quarter</th></tr>
 *   <tr><td>EARLY</td><td>Jan–Apr</td><td>days 1–10</td><td>first month</td></tr>
 *   <tr><td>MID</td><td>May–Aug</td><td>days 11–20</td><td>second month</td></tr>
 *   <tr><td>LATE</td><td>Sep–Dec</td><td>day 21–end</td><td>third month</td></tr>
 *   <tr><td>FIRST_HALF</td><td>Jan–Jun</td><td>days 1–15</td><td>—</td></tr>
 *   <tr><td>SECOND_HALF</td><td>Jul–Dec</td><td>day 16–end</td><td>—</td></tr>
 *   <tr><td>BEGINNING</td><td>Jan–Feb</td><td>days 1–10</td><td>first month</td></tr>
 *   <tr><td>END</td><td>Nov–Dec</td><td>day 21–end</td><td>third month</td></tr>
 * </table>
 *
 * <p>Thirds for early/mid/late because that is how 상순/중순/하순 and 上旬/中旬/下旬 divide a month. A year's
 * beginning and end ({@code 2017년 말}, {@code 2017年末}, {@code 2017年底}, "the end of 2017") are narrower than its
 * early and late thirds: the last two months, what "year-end" means in news usage. A month's beginning and end
 * ({@code 2월 초}, {@code 2月末}) are its first and last ten days, because in Korean and Japanese usage 월초/월말
 * are used interchangeably with 상순/하순.
 */
public enum Qualifier {
    EARLY("early"),
    MID("mid"),
    LATE("late"),
    FIRST_HALF("H1"),
    SECOND_HALF("H2"),
    END("end"),
    BEGINNING("beginning");

    private final String isoSuffix;

    Qualifier(String isoSuffix) {
        this.isoSuffix = isoSuffix;
    }

    String isoSuffix() {
        return isoSuffix;
    }

    boolean isHalf() {
        return this == FIRST_HALF || this == SECOND_HALF;
    }
}
