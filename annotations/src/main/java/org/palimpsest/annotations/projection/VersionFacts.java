package org.palimpsest.annotations.projection;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What made the version an {@link AnnotationRecord} holds now, kept in the record so that the latest version costs no
 * second copy of the annotation: the record is that version until a later fact supersedes it, and only then is it
 * written to {@code annotation_versions} ({@link AnnotationVersionRecord#superseded}).
 *
 * @param bodiesSince the version that set the bodies now held (this one, or an earlier version that stores them)
 * @param targetSince the version that set the target now held, likewise
 */
public record VersionFacts(String actor, Instant time, String change, List<String> changed, @Nullable String reason,
                           boolean byModerator, long position, long bodiesSince, long targetSince) {

    public VersionFacts {
        changed = List.copyOf(changed);
    }
}
