package org.palimpsest.archive.projection.reading;

import org.jspecify.annotations.Nullable;

/** One page of documents, optionally only those in {@code language}; pages count from 0. */
public record ListReadingViews(@Nullable String language, int page, int size) {

    public ListReadingViews {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("size must be between 1 and 200");
        }
    }
}
