package org.palimpsest.annotations.anchoring;

import java.util.List;
import org.palimpsest.archive.extraction.Span;

/**
 * Selectors that do not name one place in the text of the revision they claim: the quote is absent, is not at the
 * position given, disagrees with its context, or occurs several times with nothing to tell the places apart.
 * {@code field} names the offending JSON field, {@code candidates} where an ambiguous quote occurs.
 */
public class SelectorMismatchException extends RuntimeException {

    private final String field;
    private final List<Span> candidates;

    public SelectorMismatchException(String field, String message, List<Span> candidates) {
        super(message);
        this.field = field;
        this.candidates = List.copyOf(candidates);
    }

    public SelectorMismatchException(String field, String message) {
        this(field, message, List.of());
    }

    public String field() {
        return field;
    }

    public List<Span> candidates() {
        return candidates;
    }
}
