package org.palimpsest.annotations.annotation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An annotation as it stood after a given fact: what the aggregate decides on, what {@code /annotations/{id}/versions/{n}}
 * shows, and what the W3C mapping renders. Built only by folding facts with their timestamps, so the aggregate and
 * every read model agree on what each version was.
 *
 * @param created  when the annotation was created
 * @param modified when the last fact after creation happened; null at version 1
 */
public record AnnotationState(
        String annotationId,
        long version,
        String creator,
        Instant created,
        @Nullable Instant modified,
        List<Motivation> motivations,
        List<Body> bodies,
        Target target,
        @Nullable Generator generator,
        boolean deleted,
        boolean hidden) {

    public AnnotationState {
        motivations = List.copyOf(motivations);
        bodies = List.copyOf(bodies);
    }

    /** The first version, from the creation fact and its timestamp. */
    public static AnnotationState of(AnnotationCreated created, Instant at) {
        return new AnnotationState(created.annotationId(), created.version(), created.actor(), at, null,
                created.motivations(), created.bodies(), created.target(), created.generator(), false, false);
    }

    /**
     * The state after {@code event}, which happened at {@code at}.
     *
     * @throws IllegalStateException when the event belongs to another annotation or does not follow this version;
     *                               a gap means the history handed in is incomplete, and showing it would mislead
     */
    public AnnotationState then(AnnotationEvent event, Instant at) {
        if (!event.annotationId().equals(annotationId) || event.version() != version + 1) {
            throw new IllegalStateException("fact " + event.getClass().getSimpleName() + " v" + event.version()
                    + " of " + event.annotationId() + " does not follow " + annotationId + " v" + version);
        }
        if (event instanceof AnnotationRevised revised) {
            return new AnnotationState(annotationId, revised.version(), creator, created, at, revised.motivations(),
                    revised.bodies(), revised.target(), generator, deleted, hidden);
        }
        if (event instanceof AnnotationDeleted || event instanceof AnnotationRestored) {
            return new AnnotationState(annotationId, event.version(), creator, created, at, motivations, bodies, target,
                    generator, event instanceof AnnotationDeleted, hidden);
        }
        if (event instanceof AnnotationHidden || event instanceof AnnotationUnhidden) {
            return new AnnotationState(annotationId, event.version(), creator, created, at, motivations, bodies, target,
                    generator, deleted, event instanceof AnnotationHidden);
        }
        throw new IllegalStateException("annotation " + annotationId + " was already created");
    }
}
