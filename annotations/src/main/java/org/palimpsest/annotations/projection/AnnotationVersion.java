package org.palimpsest.annotations.projection;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.annotation.AnnotationState;

/**
 * One version of an annotation: its whole state then, who made it, when, and what the fact changed.
 *
 * @param change       {@code created}, {@code revised}, {@code deleted}, {@code restored}, {@code hidden} or
 *                     {@code unhidden}
 * @param changed      for creations and revisions, the parts set: {@code motivation}, {@code body}, {@code target}
 * @param reason       the reason given for a deletion, restoration or moderation
 * @param byModerator  the actor is not the creator and used a moderator's right
 * @param revisionTime when the target's document revision was made, as rendered then
 */
public record AnnotationVersion(
        AnnotationState state,
        String actor,
        Instant time,
        String change,
        List<String> changed,
        @Nullable String reason,
        boolean byModerator,
        @Nullable Instant revisionTime) {

    public AnnotationVersion {
        changed = List.copyOf(changed);
    }

    public long version() {
        return state.version();
    }
}
