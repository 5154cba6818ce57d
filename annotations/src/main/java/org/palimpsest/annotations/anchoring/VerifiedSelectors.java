package org.palimpsest.annotations.anchoring;

/**
 * Selectors proven against the text of a revision: the quote (NFC, with the context actually around it) and the one
 * position it occupies. What an annotation should store, so that it can be found again however the text changes.
 */
public record VerifiedSelectors(TextQuoteSelector quote, TextPositionSelector position) {
}
