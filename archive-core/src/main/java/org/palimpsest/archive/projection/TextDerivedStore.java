package org.palimpsest.archive.projection;

import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * The collections of one generation of a {@link TextDerivedProjection}: the derived records now ({@code <records>}),
 * the records of every version stored once by content ({@code <records>_contents}), what each document version
 * derived ({@code <documents>_versions}, see {@link DerivedVersion}) with their version index, and the followed
 * documents ({@code <documents>}). {@code <records>_versions} holds the whole copies written before ADR 10.
 */
final class TextDerivedStore {

    private final ContentStore recordContents;
    private final KeyedCollection<?> records;
    /** Whole copies of records per version, as written before ADR 10: read for those versions, never written. */
    private final KeyedCollection<BsonDocument> recordVersions;
    private final KeyedCollection<DerivedVersion> documentVersions;
    private final VersionIndex versionIndex;
    /** Opened last: the followed document recognises a redelivered event, so a batch writes it last. */
    private final KeyedCollection<FollowedDocument> documents;

    TextDerivedStore(StoreCollections collections, String documentsName, String recordsName, Class<?> recordType) {
        // First: content is written before the versions that refer to it.
        this.recordContents = collections.contents(recordsName + "_contents");
        this.records = collections.keyed(recordsName, recordType);
        this.recordVersions = collections.keyed(recordsName + "_versions", BsonDocument.class);
        this.documentVersions = collections.keyed(documentsName + "_versions", DerivedVersion.class);
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

    ContentStore recordContents() {
        return recordContents;
    }

    KeyedCollection<DerivedVersion> documentVersions() {
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
