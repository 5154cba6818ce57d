package org.palimpsest.archive.extraction.dating;

/**
 * Meteorological seasons of the northern hemisphere, where every source so far is written: whole months, so
 * that a season's interval does not depend on the year's solstice dates. Winter of year Y is December Y to
 * February Y+1 (a "2017년 겨울" that began in December 2017).
 */
public enum Season {
    SPRING(3),
    SUMMER(6),
    AUTUMN(9),
    WINTER(12);

    private final int firstMonth;

    Season(int firstMonth) {
        this.firstMonth = firstMonth;
    }

    /** The month the season starts in, in the year it is named after. */
    public int firstMonth() {
        return firstMonth;
    }

    String isoName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
