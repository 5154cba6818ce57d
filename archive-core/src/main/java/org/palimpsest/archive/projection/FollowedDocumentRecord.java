package org.palimpsest.archive.projection;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A document a {@link TextDerivedProjection} follows, as stored in {@code <documents>}: its metadata, its text by
 * reference to the {@link TextStore} ({@code textHash}), the records derived from it now as a list in the projection's
 * content store ({@code records}, the same list its latest version refers to), and the position and time of the last
 * event applied, by which a redelivered event is recognised.
 *
 * <p>Records written before texts were shared carry the {@code text} itself, and the keys of the records derived then
 * ({@code derivedKeys}), which were kept whole in {@code <records>}; they are read as they are, and the next event of
 * the document writes it in the present form and deletes those records.
 */
public record FollowedDocumentRecord(@BsonId String documentId, String title, String language,
                                     @Nullable String publishedAt, long revision, @Nullable String textHash,
                                     @Nullable String records, long position, @Nullable Instant time,
                                     @Nullable String text, @Nullable List<String> derivedKeys) {

    static FollowedDocumentRecord of(FollowedDocument document, String textHash, String records, ProjectionPosition at) {
        return new FollowedDocumentRecord(document.documentId(), document.title(), document.language(),
                document.publishedAt(), document.revision(), textHash, records, at.position(), at.time(), null, null);
    }

    /** The document with its text, read from {@code texts} unless this record carries it itself. */
    FollowedDocument document(TextStore texts) {
        return new FollowedDocument(documentId, title, language, publishedAt, revision, text != null ? text
                : texts.get(Objects.requireNonNull(textHash, "a followed document has its text or its hash")));
    }

    /** The hash of this document's text, whether it is stored by reference or carried here. */
    String textHashOrOwn() {
        return textHash != null ? textHash : TextStore.hash(Objects.requireNonNull(text));
    }

    /** The keys of records kept whole in {@code <records>} before texts were shared; none for later records. */
    List<String> legacyKeys() {
        return derivedKeys == null ? List.of() : derivedKeys;
    }
}
