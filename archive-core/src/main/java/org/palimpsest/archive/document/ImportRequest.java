package org.palimpsest.archive.document;

import org.jspecify.annotations.Nullable;

/**
 * A document as submitted for import: raw text plus whatever metadata the caller knows. Metadata given here
 * wins over the text's own front matter; anything still missing is derived from the text.
 */
public record ImportRequest(
        String text,
        @Nullable String title,
        @Nullable String language,
        @Nullable String sourceUri,
        @Nullable String publisher,
        @Nullable String publishedAt) {

    public static ImportRequest ofText(String text) {
        return new ImportRequest(text, null, null, null, null, null);
    }
}
