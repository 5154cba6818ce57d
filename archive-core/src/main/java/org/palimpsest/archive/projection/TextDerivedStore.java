package org.palimpsest.archive.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * The collections of one generation of a {@link TextDerivedProjection}: the records of every version stored once by
 * content ({@code <records>_contents}), what each document version derived ({@code <documents>_versions}, see
 * {@link DerivedVersion}) with their version index, and the followed documents ({@code <documents>}, see
 * {@link FollowedDocumentRecord}); their texts are in the {@link TextStore} every projection shares.
 *
 * <p>Two collections are only read, for what earlier versions wrote: {@code <records>} held each record now, whole,
 * and {@code <records>_versions} the whole copies of records per version written before ADR 10.
 */
final class TextDerivedStore {

    private final TextStore texts;
    private final ContentStore recordContents;
    /** Records as derived now, kept whole before texts were shared: read and deleted, never written. */
    private final KeyedCollection<?> records;
    /** Whole copies of records per version, as written before ADR 10: read for those versions, never written. */
    private final KeyedCollection<BsonDocument> recordVersions;
    private final KeyedCollection<DerivedVersion> documentVersions;
    private final VersionIndex versionIndex;
    /** Opened last: the followed document recognises a redelivered event, so a batch writes it last. */
    private final KeyedCollection<FollowedDocumentRecord> documents;

    TextDerivedStore(StoreCollections collections, String documentsName, String recordsName, Class<?> recordType) {
        this.texts = collections.texts();
        // First: content is written before the versions that refer to it.
        this.recordContents = collections.contents(recordsName + "_contents");
        this.records = collections.keyed(recordsName, recordType);
        this.recordVersions = collections.keyed(recordsName + "_versions", BsonDocument.class);
        this.documentVersions = collections.keyed(documentsName + "_versions", DerivedVersion.class);
        this.versionIndex = collections.versionIndex(documentsName + "_versions");
        this.documents = collections.keyed(documentsName, FollowedDocumentRecord.class);
    }

    TextStore texts() {
        return texts;
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

    Optional<FollowedDocumentRecord> document(String documentId) {
        return documents.find(documentId);
    }

    void follow(FollowedDocumentRecord document) {
        documents.put(document.documentId(), document);
    }

    /** Every followed document as flushed, for reads across documents. */
    List<FollowedDocumentRecord> documents() {
        return documents.committed().find().into(new ArrayList<>());
    }
}
