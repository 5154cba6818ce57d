package org.palimpsest.archive.extraction.dating;

/**
 * A date expression as written, before it is placed against the document date.
 *
 * @param at      where it was written, in UTF-16 indexes of the unit's text
 * @param meaning what it says
 */
record DateExpression(Slice at, DateReference meaning) {

    boolean isRelative() {
        return !(meaning instanceof DateReference.Absolute);
    }
}
