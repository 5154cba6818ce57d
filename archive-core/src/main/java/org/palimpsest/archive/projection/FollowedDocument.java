package org.palimpsest.archive.projection;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A projection's own copy of a document's current text, so that fixes can be applied to it without reading
 * another projection, the keys of the records the projection derived from it, and the position of the last
 * event applied (so a redelivered event is recognised and skipped).
 */
public record FollowedDocument(@BsonId String documentId, String title, String language, @Nullable String publishedAt,
                               long revision, String text, List<String> derivedKeys, long position) {

    FollowedDocument withText(String newText, long newRevision) {
        return new FollowedDocument(documentId, title, language, publishedAt, newRevision, newText, derivedKeys, position);
    }

    FollowedDocument withKeys(List<String> keys, long appliedPosition) {
        return new FollowedDocument(documentId, title, language, publishedAt, revision, text, keys, appliedPosition);
    }
}
