package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * The full text of one revision of a document and what made it, stored under {@code <documentId>@<revision>}
 * so that reading any revision is one primary-key lookup.
 *
 * @param cause {@code imported}, {@code reimported}, {@code fix-accepted} or {@code fix-reverted}
 */
public record DocumentRevision(
        @BsonId String key,
        String documentId,
        long revision,
        String text,
        Instant time,
        String cause,
        @Nullable String fixId,
        String actor,
        long position) {

    public static String key(String documentId, long revision) {
        return documentId + "@" + revision;
    }
}
