package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DocumentRevision} as stored: its text by reference to the content store ({@code textHash}), shared with
 * the reading-view versions of the same text. Revisions stored before ADR 10 carry the {@code text} itself.
 */
public record StoredRevision(
        @BsonId String key,
        String documentId,
        long revision,
        @Nullable String text,
        @Nullable String textHash,
        Instant time,
        String cause,
        @Nullable String fixId,
        String actor,
        long position) {

    DocumentRevision withText(String fullText) {
        return new DocumentRevision(key, documentId, revision, fullText, time, cause, fixId, actor, position);
    }
}
