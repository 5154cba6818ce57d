package org.palimpsest.annotations.anchoring;

import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Span;

/**
 * Where an annotation lies in the current text, and how sure we are.
 *
 * @param status       how it was placed
 * @param span         {@link Status#EXACT}/{@link Status#FUZZY}: the place in the current text;
 *                     {@link Status#ORPHANED}: the last known place, i.e. the annotation's own position selector in
 *                     the revision it was made on (null if it had none)
 * @param score        1 for exact, the fuzzy score (0..1) for fuzzy, 0 for orphaned
 * @param currentQuote the current text at {@code span}; null when orphaned
 */
public record Anchoring(Status status, @Nullable Span span, double score, @Nullable String currentQuote) {

    public enum Status {
        /** Mapped through exact offset mappings and the quote is still there, unchanged. */
        EXACT,
        /** Found by approximate search of the quote weighed with its context and expected position. */
        FUZZY,
        /** Nowhere in the current text with enough confidence: shown apart, never dropped, never guessed. */
        ORPHANED
    }

    static Anchoring exact(Span span, String quote) {
        return new Anchoring(Status.EXACT, span, 1.0, quote);
    }

    static Anchoring fuzzy(Span span, double score, String quote) {
        return new Anchoring(Status.FUZZY, span, score, quote);
    }

    static Anchoring orphaned(@Nullable Span lastKnown) {
        return new Anchoring(Status.ORPHANED, lastKnown, 0.0, null);
    }

    public boolean anchored() {
        return status != Status.ORPHANED;
    }
}
