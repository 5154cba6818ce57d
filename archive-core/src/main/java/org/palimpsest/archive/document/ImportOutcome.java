package org.palimpsest.archive.document;

/** What an {@link ImportDocument} command did, so callers can answer 201, 200 or report "unchanged". */
public record ImportOutcome(String documentId, Result result, long revision, String contentHash) {

    public enum Result {
        /** A new document was created. */
        IMPORTED,
        /** Same content as the document's current text: nothing was recorded. */
        UNCHANGED,
        /** The document existed with other content: a new text revision was recorded. */
        REIMPORTED
    }
}
