package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.DocumentSource;

/** A reading view without its text, for listings. {@code length} is in code points. */
public record ReadingViewSummary(
        String id,
        String title,
        String language,
        DocumentSource source,
        @Nullable String publishedAt,
        long revision,
        int length,
        Instant importedAt,
        Instant updatedAt) {
}
