package org.palimpsest.annotations.annotation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.anchoring.TextPositionSelector;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;
import org.palimpsest.annotations.anchoring.VerifiedSelectors;

/**
 * A stretch of a document's text as it stood at {@code revision}: the selectors refer to that revision's NFC text,
 * and re-anchoring carries them to later ones.
 */
public record DocumentTarget(String documentId, long revision, TextQuoteSelector quote,
                             @Nullable TextPositionSelector position) implements Target {

    public DocumentTarget {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(quote, "quote");
    }

    /** This target with selectors checked against the revision's text (see {@code SelectorCheck}). */
    public DocumentTarget with(VerifiedSelectors selectors) {
        return new DocumentTarget(documentId, revision, selectors.quote(), selectors.position());
    }
}
