package org.palimpsest.api.document.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.palimpsest.archive.input.InputLimits;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.ImportRequest;

/** The JSON import body; only {@code text} is required. */
record ImportDocumentJson(
        @Schema(description = "the document's text; front matter may supply the metadata, and text must follow it")
        @Nullable String text,
        @Schema(maxLength = InputLimits.TITLE) @Nullable String title,
        @Schema(maxLength = InputLimits.LANGUAGE) @Nullable String language,
        @Schema(maxLength = InputLimits.SOURCE_URI) @Nullable String sourceUri,
        @Schema(maxLength = InputLimits.PUBLISHER) @Nullable String publisher,
        @Schema(maxLength = InputLimits.PUBLISHED_AT) @Nullable String publishedAt) {

    ImportRequest toRequest() {
        return new ImportRequest(text == null ? "" : text, title, language, sourceUri, publisher, publishedAt);
    }
}
