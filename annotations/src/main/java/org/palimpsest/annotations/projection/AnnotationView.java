package org.palimpsest.annotations.projection;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.anchoring.Anchoring;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.archive.projection.ProjectionPosition;

/**
 * An annotation as the read model holds it now.
 *
 * @param documentId   the document it is on; for a reply, the document of its thread (null when not known)
 * @param replyTo      for a reply, the annotation it answers
 * @param revisionTime when the target's document revision was made (for the W3C {@code TimeState}); null if unknown
 * @param asOf         the event this record reflects
 * @param anchoring    where it lies in the current text, when the query asked for it and it is on a document
 */
public record AnnotationView(
        AnnotationState state,
        @Nullable String documentId,
        @Nullable String replyTo,
        @Nullable Instant revisionTime,
        ProjectionPosition asOf,
        @Nullable Anchoring anchoring) {

    public String id() {
        return state.annotationId();
    }

    /** Deleted annotations are tombstones; hidden ones only their creator and moderators see. */
    public boolean visibleTo(@Nullable String viewer, boolean moderator) {
        return !state.deleted() && (!state.hidden() || moderator || state.creator().equals(viewer));
    }

    AnnotationView anchored(@Nullable Anchoring placed) {
        return new AnnotationView(state, documentId, replyTo, revisionTime, asOf, placed);
    }
}
