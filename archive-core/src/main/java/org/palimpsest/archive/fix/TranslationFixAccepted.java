package org.palimpsest.archive.fix;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/**
 * A fix was accepted and applied: {@code change} turned the previous revision into {@code revision}, and is
 * the exact offset mapping for everything anchored to the old text. {@code reanchored} says the fix had to be
 * found again by its quote because the text around it changed after it was proposed.
 */
@Revision("1")
public record TranslationFixAccepted(
        String documentId,
        String fixId,
        TextChange change,
        long revision,
        boolean reanchored,
        String acceptedBy,
        @Nullable String comment) {
}
