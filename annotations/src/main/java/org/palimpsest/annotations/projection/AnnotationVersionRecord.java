package org.palimpsest.annotations.projection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One version of an annotation that a later fact superseded, in {@code annotation_versions} under {@code <id>@<version>}:
 * its state, who made it, when and what the fact changed. The version an annotation is now is its
 * {@link AnnotationRecord}; it is written here when the next fact supersedes it.
 *
 * <p>A version keeps only the parts its fact set: bodies and target that an earlier version set are taken from that
 * version ({@code bodiesFrom}, {@code targetFrom}), which keeps them itself, so ten thousand edits of a comment cost
 * ten thousand comments, not ten thousand copies of the annotation. Versions written before keep their whole state.
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
        long position,
        @Nullable Long bodiesFrom,
        @Nullable Long targetFrom) {

    static String key(String annotationId, long version) {
        return annotationId + "@" + version;
    }

    /** The version {@code record} holds, whole: the latest version of its annotation. */
    static AnnotationVersionRecord current(AnnotationRecord record, VersionFacts facts) {
        StoredState state = record.state();
        return new AnnotationVersionRecord(key(state.annotationId(), state.version()), state.annotationId(),
                state.version(), state, facts.actor(), facts.time(), facts.change(), facts.changed(), facts.reason(),
                facts.byModerator(), record.revisionTime(), facts.position(), null, null);
    }

    /** The version {@code record} holds as it is stored once superseded: without the parts an earlier version set. */
    static AnnotationVersionRecord superseded(AnnotationRecord record, VersionFacts facts) {
        AnnotationVersionRecord whole = current(record, facts);
        long version = whole.version();
        Long bodiesFrom = facts.bodiesSince() < version ? facts.bodiesSince() : null;
        Long targetFrom = facts.targetSince() < version ? facts.targetSince() : null;
        StoredState kept = whole.state().withParts(bodiesFrom == null ? whole.state().bodies() : null,
                targetFrom == null ? whole.state().target() : null);
        return new AnnotationVersionRecord(whole.key(), whole.annotationId(), version, kept, whole.actor(), whole.time(),
                whole.change(), whole.changed(), whole.reason(), whole.byModerator(), whole.revisionTime(),
                whole.position(), bodiesFrom, targetFrom);
    }

    /** The versions this one takes parts from (none for one stored whole). */
    List<Long> sources() {
        return Stream.of(bodiesFrom, targetFrom).filter(Objects::nonNull).distinct().toList();
    }

    /** This version with the parts it takes from {@code sources} (by version number) put back. */
    AnnotationVersionRecord whole(Map<Long, AnnotationVersionRecord> sources) {
        if (bodiesFrom == null && targetFrom == null) {
            return this;
        }
        StoredState restored = state.withParts(bodiesFrom == null ? state.bodies() : source(sources, bodiesFrom).state().bodies(),
                targetFrom == null ? state.target() : source(sources, targetFrom).state().target());
        return new AnnotationVersionRecord(key, annotationId, version, restored, actor, time, change, changed, reason,
                byModerator, revisionTime, position, null, null);
    }

    private AnnotationVersionRecord source(Map<Long, AnnotationVersionRecord> sources, long number) {
        AnnotationVersionRecord found = sources.get(number);
        if (found == null) {
            throw new IllegalStateException("version " + number + " of annotation " + annotationId + ", which version "
                    + version + " takes parts from, is missing; rebuild the projection");
        }
        return found;
    }

    AnnotationVersion toVersion() {
        return new AnnotationVersion(state.toState(), actor, time, change, changed, reason, byModerator, revisionTime);
    }
}
