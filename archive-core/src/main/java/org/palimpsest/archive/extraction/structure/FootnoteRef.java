package org.palimpsest.archive.extraction.structure;

import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Span;

/**
 * A footnote marker such as {@code [^1]} in running text.
 *
 * @param span              the marker, brackets included
 * @param label             the label between {@code [^} and {@code ]}, as written
 * @param footnoteSegmentId the id of the {@code FOOTNOTE} segment holding its body, or null when the document
 *                          has no body for this label (a marker left behind by a scraper, say)
 */
public record FootnoteRef(Span span, String label, @Nullable String footnoteSegmentId) {
}
