package org.palimpsest.annotations.webannotation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a document revision came into being, for the W3C {@code TimeState} of a target. The annotation knows its
 * revision number only; the API looks the time up in the document's history.
 */
@FunctionalInterface
public interface RevisionTimes {

    /** When {@code revision} of {@code documentId} was made; null when unknown, and then no TimeState is written. */
    @Nullable Instant at(String documentId, long revision);

    static RevisionTimes unknown() {
        return (documentId, revision) -> null;
    }
}
