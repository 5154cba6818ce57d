package org.palimpsest.archive.document;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Import a document's text. Sent to an existing document it re-imports: identical content is a no-op,
 * changed content becomes a new text revision.
 *
 * @param text        already normalized with {@link DocumentText#normalize(String)}
 * @param publishedAt ISO-8601 date, year-month, year or date-time, as the source gives it
 */
public record ImportDocument(
        @TargetAggregateIdentifier String documentId,
        DocumentSource source,
        String title,
        String language,
        @Nullable String publishedAt,
        String text,
        String importedBy) {
}
