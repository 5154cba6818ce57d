package org.palimpsest.annotations.projection;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.annotation.AnnotationReplyTarget;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.annotations.annotation.Body;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.archive.projection.ProjectionPosition;

/**
 * One annotation now, in {@code annotations}, keyed by its id: the full state, and beside it the fields listings
 * filter and sort on (duplicated from the state so a real MongoDB can index them). It is also its latest version, with
 * what made it ({@code latest}); records written before that was kept have none, and their latest version is in
 * {@code annotation_versions} as every other.
 *
 * @param documentId   the document annotated; for a reply, the document its thread is on (null if unknown)
 * @param replyTo      for a reply, the annotation it answers
 * @param tags         values of the bodies whose purpose is {@code tagging}
 * @param revisionTime when the document revision the target names was made, for the W3C {@code TimeState}
 */
public record AnnotationRecord(
        @BsonId String id,
        String creator,
        Instant created,
        List<String> motivations,
        List<String> tags,
        boolean deleted,
        boolean hidden,
        @Nullable String documentId,
        @Nullable String replyTo,
        StoredState state,
        @Nullable Instant revisionTime,
        ProjectionPosition asOf,
        @Nullable VersionFacts latest) {

    /** The record of an annotation now, which is also its latest version, made by the fact {@code latest} says. */
    static AnnotationRecord of(AnnotationState state, @Nullable String documentId, @Nullable Instant revisionTime,
                               ProjectionPosition asOf, VersionFacts latest) {
        return withFacts(state, documentId, revisionTime, asOf, latest);
    }

    /** The annotation as one of its versions shows it, for as-of answers. */
    static AnnotationRecord asOf(AnnotationState state, @Nullable String documentId, @Nullable Instant revisionTime,
                                 ProjectionPosition asOf) {
        return withFacts(state, documentId, revisionTime, asOf, null);
    }

    private static AnnotationRecord withFacts(AnnotationState state, @Nullable String documentId,
                                              @Nullable Instant revisionTime, ProjectionPosition asOf,
                                              @Nullable VersionFacts latest) {
        StoredState stored = StoredState.of(state);
        String replyTo = state.target() instanceof AnnotationReplyTarget reply ? reply.annotationId() : null;
        String document = state.target() instanceof DocumentTarget target ? target.documentId() : documentId;
        return new AnnotationRecord(state.annotationId(), state.creator(), state.created(), stored.motivations(),
                tagsOf(state.bodies()), state.deleted(), state.hidden(), document, replyTo, stored, revisionTime, asOf,
                latest);
    }

    static List<String> tagsOf(List<Body> bodies) {
        return bodies.stream().filter(b -> Body.TAGGING.equals(b.purpose())).map(Body::value).toList();
    }

    AnnotationView view() {
        return new AnnotationView(state.toState(), documentId, replyTo, revisionTime, asOf, null);
    }
}
