package org.palimpsest.annotations.projection;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.annotations.annotation.Body;
import org.palimpsest.annotations.annotation.Generator;
import org.palimpsest.annotations.annotation.Motivation;

/**
 * An {@link AnnotationState} as stored: the target discriminated (see {@link StoredTarget}) and motivations by their
 * W3C names, as in the events, so renaming a Java constant never changes stored data. Times keep milliseconds (BSON
 * dates); the W3C rendering shows seconds. {@code bodies} and {@code target} are absent only in a stored version that
 * takes them from the earlier version that set them (see {@link AnnotationVersionRecord}).
 */
public record StoredState(
        String annotationId,
        long version,
        String creator,
        Instant created,
        @Nullable Instant modified,
        List<String> motivations,
        @Nullable List<Body> bodies,
        @Nullable StoredTarget target,
        @Nullable Generator generator,
        boolean deleted,
        boolean hidden) {

    static StoredState of(AnnotationState state) {
        return new StoredState(state.annotationId(), state.version(), state.creator(), state.created(), state.modified(),
                state.motivations().stream().map(Motivation::w3cName).toList(), state.bodies(),
                StoredTarget.of(state.target()), state.generator(), state.deleted(), state.hidden());
    }

    AnnotationState toState() {
        if (bodies == null || target == null) {
            throw new IllegalStateException("stored version " + version + " of annotation " + annotationId
                    + " lacks the parts it takes from an earlier version; rebuild the projection");
        }
        return new AnnotationState(annotationId, version, creator, created, modified,
                motivations.stream().map(name -> Motivation.parse(name, "motivation")).toList(), bodies,
                target.toTarget(), generator, deleted, hidden);
    }

    /** This state with {@code bodies} and {@code target} in place of its own. */
    StoredState withParts(@Nullable List<Body> newBodies, @Nullable StoredTarget newTarget) {
        return new StoredState(annotationId, version, creator, created, modified, motivations, newBodies, newTarget,
                generator, deleted, hidden);
    }
}
