package org.palimpsest.archive.extraction.dating;

import org.palimpsest.archive.extraction.Span;

/**
 * A sentence or list item that places an event in time.
 *
 * @param span      the sentence, or the whole list item or heading when it opens with its date; code points
 * @param dateSpan  the date expression that dates it (the first one in the sentence); code points
 * @param segmentId the segment it was found in
 * @param date      the date at the precision written, resolved against the document date when relative
 * @param text      the sentence with inline markup (emphasis, link targets) removed and whitespace collapsed
 * @param language  BCP 47 tag of the sentence's own scripts, else of its segment, else of the document
 * @param relative  true when the date was written relative to the publication ("지난달", "昨年", "last year")
 * @param resolved  true when {@code date} is placed in time: always for absolute dates; for relative ones, when a
 *                  document date was given and the date exists (a "last month, February 29" in a non-leap year does not)
 */
public record DatedStatement(
        Span span,
        Span dateSpan,
        String segmentId,
        FuzzyDate date,
        String text,
        String language,
        boolean relative,
        boolean resolved) {

    /**
     * This statement, found in a unit's content with spans counted from its start, placed in the document: its spans
     * moved by {@code contentStart} code points and the unit's segment id set.
     */
    DatedStatement placed(String inSegment, int contentStart) {
        return new DatedStatement(new Span(span.start() + contentStart, span.end() + contentStart),
                new Span(dateSpan.start() + contentStart, dateSpan.end() + contentStart), inSegment, date, text,
                language, relative, resolved);
    }
}
