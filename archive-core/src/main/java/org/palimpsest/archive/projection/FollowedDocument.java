package org.palimpsest.archive.projection;

import org.jspecify.annotations.Nullable;

/**
 * A document's current text and what a {@link TextDerivedProjection} derives from besides it, as it is handed to the
 * projection's derivation. What the projection stores of it is a {@link FollowedDocumentRecord}.
 */
public record FollowedDocument(String documentId, String title, String language, @Nullable String publishedAt,
                               long revision, String text) {

    FollowedDocument withText(String newText, long newRevision) {
        return new FollowedDocument(documentId, title, language, publishedAt, newRevision, newText);
    }
}
