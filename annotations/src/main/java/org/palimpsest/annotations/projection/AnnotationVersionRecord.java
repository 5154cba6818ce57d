package org.palimpsest.annotations.projection;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One version of an annotation, in {@code annotation_versions} under {@code <id>@<version>}: the whole state after
 * the fact that made it, so showing any version is one key lookup and renders exactly as the annotation did then.
 *
 * @param change  what the fact was: {@code created}, {@code revised}, {@code deleted}, {@code restored},
 *                {@code hidden} or {@code unhidden}
 * @param changed for creations and revisions, which parts it set: {@code motivation}, {@code body}, {@code target}
 */
public record AnnotationVersionRecord(
        @BsonId String key,
        String annotationId,
        long version,
        StoredState state,
        String actor,
        Instant time,
        String change,
        List<String> changed,
        @Nullable String reason,
        boolean byModerator,
        @Nullable Instant revisionTime,
        long position) {

    static String key(String annotationId, long version) {
        return annotationId + "@" + version;
    }

    AnnotationVersion toVersion() {
        return new AnnotationVersion(state.toState(), actor, time, change, changed, reason, byModerator, revisionTime);
    }
}
