package org.palimpsest.archive.extraction.dating;

/**
 * The unit a date was written in. A {@link Qualifier} may narrow it ("late 2017" is a {@code YEAR} narrowed to its
 * last third); the precision still names the unit written, so that a reader sees what the source actually said.
 */
public enum Precision {
    DAY,
    /** An ISO week (Monday to Sunday); only relative expressions such as "last week" produce it. */
    WEEK,
    MONTH,
    /** A meteorological season of the northern hemisphere; see {@link Season}. */
    SEASON,
    QUARTER,
    YEAR
}
