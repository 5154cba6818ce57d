package org.palimpsest.archive.projection;

import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * The collections of one generation of a {@link TextDerivedProjection}: the derived records now ({@code <records>}),
 * their copies per document version ({@code <records>_versions}), each document's version snapshots
 * ({@code <documents>_versions}) with their version index, and the followed documents ({@code <documents>}).
 */
final class TextDerivedStore {

    private final KeyedCollection<?> records;
    private final KeyedCollection<BsonDocument> recordVersions;
    private final KeyedCollection<FollowedDocument> documentVersions;
    private final VersionIndex versionIndex;
    /** Opened last: the followed document recognises a redelivered event, so a batch writes it last. */
    private final KeyedCollection<FollowedDocument> documents;

    TextDerivedStore(StoreCollections collections, String documentsName, String recordsName, Class<?> recordType) {
        this.records = collections.keyed(recordsName, recordType);
        this.recordVersions = collections.keyed(recordsName + "_versions", BsonDocument.class);
        this.documentVersions = collections.keyed(documentsName + "_versions", FollowedDocument.class);
        this.versionIndex = collections.versionIndex(documentsName + "_versions");
        this.documents = collections.keyed(documentsName, FollowedDocument.class);
    }

    @SuppressWarnings("unchecked")
    <R> KeyedCollection<R> records(Class<R> type) {
        return (KeyedCollection<R>) records;
    }

    KeyedCollection<BsonDocument> recordVersions() {
        return recordVersions;
    }

    KeyedCollection<FollowedDocument> documentVersions() {
        return documentVersions;
    }

    VersionIndex versionIndex() {
        return versionIndex;
    }

    Optional<FollowedDocument> document(String documentId) {
        return documents.find(documentId);
    }

    void follow(FollowedDocument document) {
        documents.put(document.documentId(), document);
    }

    /** Every followed document as flushed, for as-of reads across documents. */
    List<FollowedDocument> documents() {
        return documents.committed().find().into(new java.util.ArrayList<>());
    }
}
