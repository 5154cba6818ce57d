package org.palimpsest.archive.projection;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.HashSet;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWrapper;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.AnalysisBudgetExceededException;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixReverted;

/**
 * A projection of records derived from each document's current text (timeline entries, emails): whenever the
 * text changes (import, re-import, accepted or reverted fix) the subclass derives the records afresh, and
 * those it no longer derives are deleted by key. Every read and write is keyed by unique ids.
 */
public abstract class TextDerivedProjection extends GenerationalProjection<TextDerivedStore> {

    private static final String REVISION = "revision";
    private static final String AS_OF = "asOf";

    private final AnalysisBudget budget;
    /** Set while {@link #derive} runs, for {@link #store}; one per thread, as segments may share this instance. */
    private final ThreadLocal<Derivation> deriving = new ThreadLocal<>();

    /**
     * @param documentsCollection where the followed documents go ({@code timeline_documents})
     * @param recordsCollection   where the derived records go ({@code timeline_entries}), of {@code recordType}
     */
    protected TextDerivedProjection(MongoDatabase database, String documentsCollection, String recordsCollection,
                                    Class<?> recordType, Generation generation, AnalysisBudget budget) {
        super(database, generation, c -> new TextDerivedStore(c, documentsCollection, recordsCollection, recordType));
        this.budget = budget;
    }

    /** The time one document's text may take to analyse; passed on to rebuilt generations and replicas. */
    protected AnalysisBudget budget() {
        return budget;
    }

    /**
     * Runs {@code analysis} of {@code document}'s text within the budget.
     *
     * @throws AnalysisBudgetExceededException naming this projection and the document, when it runs out
     */
    protected <T> T analyse(FollowedDocument document, Supplier<T> analysis) {
        return budget.run(processingGroup(), document.documentId(), document.text().length(), analysis);
    }

    /** The derived records of the generation currently read and written. */
    protected <R> KeyedCollection<R> records(Class<R> type) {
        return store().records(type);
    }

    /**
     * Saves a derived record under its key, and keeps it for the version being derived, for as-of reads. Records
     * carry the derivation's {@code revision} and {@code asOf}; they are kept without them, in chunks of the content
     * store, so a record that did not change is not stored again (ADR 10).
     */
    protected <R> void store(String name, Class<R> type, String key, R record, long version) {
        store().records(type).put(key, record);
        Derivation derivation = deriving.get();
        if (derivation == null) {
            return; // derive called on its own (a test of an analysis): no version is being made
        }
        BsonDocument kept = BsonDocumentWrapper.asBsonDocument(record, database().getCodecRegistry()).clone();
        derivation.strip(kept, key);
        derivation.records().add(kept);
    }

    /** The document version being derived on this thread and the records derived for it so far. */
    private record Derivation(long revision, BsonDocument asOf, List<BsonDocument> records) {

        /** Takes the fields every record of the derivation shares off {@code record}; they are kept once per version. */
        void strip(BsonDocument record, String key) {
            BsonValue recordRevision = record.remove(REVISION);
            BsonValue recordAsOf = record.remove(AS_OF);
            if (recordRevision == null || recordRevision.asNumber().longValue() != revision || !asOf.equals(recordAsOf)) {
                throw new IllegalStateException("derived record " + key + " must carry the revision and asOf it was "
                        + "derived at");
            }
        }
    }

    /**
     * The records derived from every document as the projection held them at {@code position} or {@code time}:
     * per document one version lookup and one {@code $in} on its chunks, so the cost grows with the number of
     * documents, never with the length of their histories.
     */
    protected <R> List<R> derivedAsOf(String name, Class<R> type, @Nullable Long position, @Nullable Instant time) {
        VersionIndex index = store().versionIndex();
        Codec<R> codec = database().getCodecRegistry().get(type);
        List<R> records = new ArrayList<>();
        for (FollowedDocument current : store().documents()) {
            OptionalLong version = position != null ? index.versionAt(current.documentId(), position)
                    : index.versionAt(current.documentId(), time);
            if (version.isEmpty()) {
                continue;
            }
            DerivedVersion then = store().documentVersions()
                    .committed().find(Filters.eq("_id", current.documentId() + "@" + version.getAsLong())).first();
            if (then == null) {
                continue;
            }
            for (BsonDocument record : then.contents() != null ? restored(then) : copies(then, version.getAsLong())) {
                records.add(codec.decode(new BsonDocumentReader(record), DecoderContext.builder().build()));
            }
        }
        return records;
    }

    /** The records of a version, with the revision and position they share put back. */
    private List<BsonDocument> restored(DerivedVersion version) {
        BsonDocument asOf = asOf(new ProjectionPosition(version.position(), version.time()));
        List<BsonDocument> records = store().recordContents().getList(version.contents(), BsonDocument.class);
        for (BsonDocument record : records) {
            record.put(REVISION, new BsonInt64(version.revision()));
            record.put(AS_OF, asOf.clone());
        }
        return records;
    }

    /** The whole copies a version written before ADR 10 refers to. */
    private List<BsonDocument> copies(DerivedVersion version, long number) {
        if (version.derivedKeys().isEmpty()) {
            return List.of();
        }
        List<String> ids = version.derivedKeys().stream().map(k -> k + "@" + number).toList();
        List<BsonDocument> records = new ArrayList<>();
        for (BsonDocument copy : store().recordVersions().committed().find(Filters.in("_id", ids))) {
            String id = copy.getString("_id").getValue();
            copy.put("_id", new BsonString(id.substring(0, id.lastIndexOf('@'))));
            records.add(copy);
        }
        return records;
    }

    private BsonDocument asOf(ProjectionPosition at) {
        return BsonDocumentWrapper.asBsonDocument(at, database().getCodecRegistry()).clone();
    }

    /**
     * Writes the records derived from {@code document}'s text, each through {@link #store}, and returns their keys.
     *
     * @param version the document's version in this projection, for the as-of copies
     */
    protected abstract List<String> derive(FollowedDocument document, ProjectionPosition at, long version);

    /** Deletes derived records that the current text no longer yields. */
    protected abstract void delete(List<String> keys);

    @EventHandler
    public void on(DocumentImported event, @Timestamp Instant time, @Nullable TrackingToken token) {
        ProjectionPosition at = ProjectionPosition.of(token, time);
        if (alreadyApplied(document(event.documentId()), at)) {
            return;
        }
        follow(new FollowedDocument(event.documentId(), event.title(), event.language(), event.publishedAt(), 0,
                event.text(), List.of(), -1), at);
    }

    @EventHandler
    public void on(DocumentReimported event, @Timestamp Instant time, @Nullable TrackingToken token) {
        ProjectionPosition at = ProjectionPosition.of(token, time);
        Optional<FollowedDocument> before = document(event.documentId());
        if (alreadyApplied(before, at)) {
            return;
        }
        List<String> previous = before.map(FollowedDocument::derivedKeys).orElse(List.of());
        follow(new FollowedDocument(event.documentId(), event.title(), event.language(), event.publishedAt(),
                event.revision(), event.text(), previous, -1), at);
    }

    @EventHandler
    public void on(TranslationFixAccepted event, @Timestamp Instant time, @Nullable TrackingToken token) {
        change(event.documentId(), event.change(), event.revision(), ProjectionPosition.of(token, time));
    }

    @EventHandler
    public void on(TranslationFixReverted event, @Timestamp Instant time, @Nullable TrackingToken token) {
        change(event.documentId(), event.change(), event.revision(), ProjectionPosition.of(token, time));
    }

    private void change(String documentId, TextChange change, long revision, ProjectionPosition at) {
        FollowedDocument document = document(documentId).orElseThrow(() -> new IllegalStateException(
                getClass().getSimpleName() + " has no copy of document " + documentId + "; rebuild the projection"));
        if (alreadyApplied(Optional.of(document), at)) {
            return;
        }
        follow(document.withText(change.applyTo(document.text()), revision), at);
    }

    private void follow(FollowedDocument document, ProjectionPosition at) {
        long version = store().versionIndex().append(document.documentId(), at.position(), at.time());
        Derivation derivation = new Derivation(document.revision(), asOf(at), new ArrayList<>());
        deriving.set(derivation);
        List<String> keys;
        try {
            keys = derive(document, at, version);
        } finally {
            deriving.remove();
        }
        Set<String> kept = new HashSet<>(keys);
        List<String> gone = document.derivedKeys().stream().filter(k -> !kept.contains(k)).toList();
        if (!gone.isEmpty()) {
            delete(gone);
        }
        FollowedDocument followed = document.withKeys(keys, at.position());
        String versionKey = document.documentId() + "@" + version;
        store().documentVersions().put(versionKey, new DerivedVersion(versionKey, document.revision(), at.position(),
                at.time(), List.of(), store().recordContents().putList(derivation.records(), BsonDocument.class)));
        // Last, because the followed document is what recognises a redelivery: a crash before this write makes
        // the event come again, and every write above is an upsert or delete by key that can be repeated.
        store().follow(followed);
    }

    /** Delivery is at least once: an event this document already reflects is not applied again (-1: no token). */
    private static boolean alreadyApplied(Optional<FollowedDocument> document, ProjectionPosition at) {
        return at.position() >= 0 && document.filter(d -> d.position() >= at.position()).isPresent();
    }

    private Optional<FollowedDocument> document(String documentId) {
        return store().document(documentId);
    }
}
