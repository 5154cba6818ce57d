package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixReference;
import org.palimpsest.archive.fix.FixState;
import org.palimpsest.archive.fix.FixTarget;

/**
 * A fix as the reading view shows it.
 *
 * @param target    where it was proposed, as anchored (revision, position, quote and context)
 * @param span      for an accepted fix, where its replacement stands in the current text; null when later
 *                  changes rewrote that text, or the fix is not applied
 * @param appliedIn the revision its acceptance produced
 */
public record FixView(
        String id,
        FixState state,
        FixTarget target,
        String replacement,
        FixKind kind,
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

    FixView reviewed(FixState newState, String reviewer, Instant at, @Nullable String reviewComment,
                     @Nullable Span newSpan, @Nullable Long revision, boolean wasReanchored) {
        return new FixView(id, newState, target, replacement, kind, reason, reference, proposedBy, proposedAt,
                reviewer, at, reviewComment, newSpan, revision, wasReanchored);
    }

    FixView movedTo(@Nullable Span newSpan) {
        return new FixView(id, state, target, replacement, kind, reason, reference, proposedBy, proposedAt,
                reviewedBy, reviewedAt, comment, newSpan, appliedIn, reanchored);
    }
}
