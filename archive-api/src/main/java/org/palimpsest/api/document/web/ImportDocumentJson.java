package org.palimpsest.api.document.web;

import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.ImportRequest;

/** The JSON import body; only {@code text} is required. */
record ImportDocumentJson(
        @Nullable String text,
        @Nullable String title,
        @Nullable String language,
        @Nullable String sourceUri,
        @Nullable String publisher,
        @Nullable String publishedAt) {

    ImportRequest toRequest() {
        return new ImportRequest(text == null ? "" : text, title, language, sourceUri, publisher, publishedAt);
    }
}
