package org.palimpsest.archive.document;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** The same source delivered different content: the text is replaced and becomes {@code revision}. */
@Revision("1")
public record DocumentReimported(
        String documentId,
        DocumentSource source,
        String title,
        String language,
        @Nullable String publishedAt,
        String text,
        String contentHash,
        long revision,
        String importedBy) {
}
