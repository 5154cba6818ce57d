package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One page of documents, optionally only those in {@code language}; pages count from 0. With a {@code position}
 * or {@code time}, the documents as they stood then.
 */
public record ListReadingViews(@Nullable String language, int page, int size, @Nullable Long position,
                               @Nullable Instant time) {

    /** The listing now. */
    public ListReadingViews(@Nullable String language, int page, int size) {
        this(language, page, size, null, null);
    }

    public ListReadingViews {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("size must be between 1 and 200");
        }
    }
}
