package org.palimpsest.archive.fix;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** An accepted fix was undone: {@code change} put back the text it had replaced, making {@code revision}. */
@Revision("1")
public record TranslationFixReverted(
        String documentId,
        String fixId,
        TextChange change,
        long revision,
        String revertedBy,
        @Nullable String comment) {
}
