package org.palimpsest.archive.fix;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** A pending fix was turned down; the text is unchanged. */
@Revision("1")
public record TranslationFixRejected(String documentId, String fixId, String rejectedBy, @Nullable String comment) {
}
