package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.projection.ProjectionPosition;

/**
 * A document as a reader sees it now.
 *
 * @param revision counts text changes, 0 for the text as first imported
 * @param asOf     the event this view reflects
 */
public record ReadingView(
        String id,
        String title,
        String language,
        DocumentSource source,
        @Nullable String publishedAt,
        String text,
        long revision,
        String contentHash,
        Instant importedAt,
        String importedBy,
        Instant updatedAt,
        ProjectionPosition asOf) {

    public ReadingViewSummary summary() {
        return new ReadingViewSummary(id, title, language, source, publishedAt, revision,
                text.codePointCount(0, text.length()), importedAt, updatedAt);
    }
}
