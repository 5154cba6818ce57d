package org.palimpsest.archive.extraction.redaction;

import org.palimpsest.archive.extraction.Span;

/**
 * Something the publisher removed from the text.
 *
 * @param span the marker itself, brackets included
 * @param kind how it was marked
 */
public record Redaction(Span span, Kind kind) {

    public enum Kind {
        /** Blacked-out characters (█ and its relatives). */
        BLOCK,
        /** A bracketed word such as {@code <redacted>}, {@code [삭제됨]}, {@code <削除>}. */
        PLACEHOLDER,
        /** A bracket pair with nothing inside, where a value was cut out: {@code <>}, or {@code <} and {@code >} on two lines. */
        EMPTY_BRACKETS
    }
}
