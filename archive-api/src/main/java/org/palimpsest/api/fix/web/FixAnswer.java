package org.palimpsest.api.fix.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.fix.FixReference;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.projection.reading.FixView;

/** A fix as the API answers it; {@code state} is one of pending, accepted, rejected, reverted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FixAnswer(
        String id,
        String documentId,
        String state,
        FixTarget target,
        String replacement,
        String kind,
        String reason,
        @Nullable FixReference reference,
        String proposedBy,
        Instant proposedAt,
        @Nullable String reviewedBy,
        @Nullable Instant reviewedAt,
        @Nullable String comment,
        @Nullable Span span,
        @Nullable Long appliedIn,
        boolean reanchored) {

    public static FixAnswer of(String documentId, FixView fix) {
        return new FixAnswer(fix.id(), documentId, fix.state().name().toLowerCase(Locale.ROOT), fix.target(),
                fix.replacement(), fix.kind().name().toLowerCase(Locale.ROOT), fix.reason(), fix.reference(),
                fix.proposedBy(), fix.proposedAt(), fix.reviewedBy(), fix.reviewedAt(), fix.comment(), fix.span(),
                fix.appliedIn(), fix.reanchored());
    }
}
