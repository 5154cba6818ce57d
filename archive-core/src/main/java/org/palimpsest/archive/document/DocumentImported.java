package org.palimpsest.archive.document;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** A document entered the archive. {@code text} is the whole normalized text, front matter included. */
@Revision("1")
public record DocumentImported(
        String documentId,
        DocumentSource source,
        String title,
        String language,
        @Nullable String publishedAt,
        String text,
        String contentHash,
        String importedBy) {
}
