package org.palimpsest.archive.projection;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWrapper;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
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
 * text changes (import, re-import, accepted or reverted fix) the subclass derives the records afresh. The records of
 * each version are kept once by content, in chunks (ADR 10), and the followed document refers to those of now, so the
 * records now cost nothing beside the versions; the text is kept once for every projection in the {@link TextStore}.
 * Every read and write is keyed by unique ids.
 *
 * @param <R> the derived record
 */
public abstract class TextDerivedProjection<R extends Record> extends GenerationalProjection<TextDerivedStore> {

    private static final String REVISION = "revision";
    private static final String AS_OF = "asOf";
    /** Documents, or keys of records kept whole before texts were shared, per {@code $in}. */
    private static final int BATCH = 500;

    private final Class<R> recordType;
    private final AnalysisBudget budget;
    /** Set while {@link #derive} runs, for {@link #derived}; one per thread, as segments may share this instance. */
    private final ThreadLocal<Derivation> deriving = new ThreadLocal<>();

    /**
     * @param documentsCollection where the followed documents go ({@code timeline_documents})
     * @param recordsCollection   the name the derived records' collections start with ({@code timeline_entries})
     */
    protected TextDerivedProjection(MongoDatabase database, String documentsCollection, String recordsCollection,
                                    Class<R> recordType, Generation generation, AnalysisBudget budget) {
        super(database, generation, c -> new TextDerivedStore(c, documentsCollection, recordsCollection, recordType));
        this.recordType = recordType;
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

    /**
     * Keeps a record derived for the version being derived. Records carry the derivation's {@code revision} and
     * {@code asOf}; they are kept without them, in chunks of the content store, so a record that did not change is not
     * stored again (ADR 10).
     */
    protected void derived(String key, R record) {
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
     * The records derived from every document now, or as the projection held them at {@code position} or {@code
     * time}. Now is two {@code $in} on the content store for all documents; as of a moment, per document one version
     * lookup and one {@code $in} on its chunks, so the cost grows with the number of documents, never with the length
     * of their histories.
     */
    protected List<R> derived(@Nullable Long position, @Nullable Instant time) {
        return position == null && time == null ? derivedNow() : derivedAsOf(position, time);
    }

    private List<R> derivedNow() {
        List<FollowedDocumentRecord> documents = store().documents();
        Codec<R> codec = database().getCodecRegistry().get(recordType);
        List<R> records = new ArrayList<>();
        List<String> legacyKeys = new ArrayList<>();
        for (int from = 0; from < documents.size(); from += BATCH) {
            List<FollowedDocumentRecord> batch = documents.subList(from, Math.min(documents.size(), from + BATCH));
            List<String> lists = batch.stream().map(FollowedDocumentRecord::records).filter(Objects::nonNull).toList();
            ContentStore.Read read = store().recordContents().read(List.of(), lists);
            for (FollowedDocumentRecord document : batch) {
                if (document.records() == null) {
                    legacyKeys.addAll(document.legacyKeys());
                    continue;
                }
                for (BsonDocument record : read.list(document.records(), BsonDocument.class)) {
                    records.add(decode(codec, restored(record, document.revision(),
                            new ProjectionPosition(document.position(), document.time()))));
                }
            }
        }
        for (int from = 0; from < legacyKeys.size(); from += BATCH) {
            store().records(recordType).committed()
                    .find(Filters.in("_id", legacyKeys.subList(from, Math.min(legacyKeys.size(), from + BATCH))))
                    .forEach(records::add);
        }
        return records;
    }

    private List<R> derivedAsOf(@Nullable Long position, @Nullable Instant time) {
        VersionIndex index = store().versionIndex();
        Codec<R> codec = database().getCodecRegistry().get(recordType);
        List<R> records = new ArrayList<>();
        for (FollowedDocumentRecord current : store().documents()) {
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
                records.add(decode(codec, record));
            }
        }
        return records;
    }

    private static <R> R decode(Codec<R> codec, BsonDocument record) {
        return codec.decode(new BsonDocumentReader(record), DecoderContext.builder().build());
    }

    /** The records of a version, with the revision and position they share put back. */
    private List<BsonDocument> restored(DerivedVersion version) {
        ProjectionPosition at = new ProjectionPosition(version.position(), version.time());
        List<BsonDocument> records = store().recordContents().getList(version.contents(), BsonDocument.class);
        records.replaceAll(record -> restored(record, version.revision(), at));
        return records;
    }

    private BsonDocument restored(BsonDocument record, long revision, ProjectionPosition at) {
        record.put(REVISION, new BsonInt64(revision));
        record.put(AS_OF, asOf(at));
        return record;
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

    /** Derives the records of {@code document}'s text, passing each to {@link #derived}. */
    protected abstract void derive(FollowedDocument document, ProjectionPosition at);

    @EventHandler
    public void on(DocumentImported event, @Timestamp Instant time, @Nullable TrackingToken token) {
        ProjectionPosition at = ProjectionPosition.of(token, time);
        Optional<FollowedDocumentRecord> before = store().document(event.documentId());
        if (alreadyApplied(before, at)) {
            return;
        }
        follow(new FollowedDocument(event.documentId(), event.title(), event.language(), event.publishedAt(), 0,
                event.text()), before.map(this::previous).orElse(null), at);
    }

    @EventHandler
    public void on(DocumentReimported event, @Timestamp Instant time, @Nullable TrackingToken token) {
        ProjectionPosition at = ProjectionPosition.of(token, time);
        Optional<FollowedDocumentRecord> before = store().document(event.documentId());
        if (alreadyApplied(before, at)) {
            return;
        }
        follow(new FollowedDocument(event.documentId(), event.title(), event.language(), event.publishedAt(),
                event.revision(), event.text()), before.map(this::previous).orElse(null), at);
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
        FollowedDocumentRecord before = store().document(documentId).orElseThrow(() -> new IllegalStateException(
                getClass().getSimpleName() + " does not follow document " + documentId + "; rebuild the projection"));
        if (alreadyApplied(Optional.of(before), at)) {
            return;
        }
        FollowedDocument document = before.document(store().texts());
        follow(document.withText(change.applyTo(document.text()), revision), new Previous(before, document.text()), at);
    }

    /** The document as followed until an event, with its text: what the text after the event is an edit of. */
    private record Previous(FollowedDocumentRecord record, String text) {
    }

    private Previous previous(FollowedDocumentRecord record) {
        return new Previous(record, record.document(store().texts()).text());
    }

    /** Stores the text, derives the records afresh and keeps them as a new version, then the followed document. */
    private void follow(FollowedDocument document, @Nullable Previous previous, ProjectionPosition at) {
        String textHash = previous == null ? store().texts().put(document.text())
                : store().texts().put(document.text(), previous.record().textHashOrOwn(), previous.text());
        long version = store().versionIndex().append(document.documentId(), at.position(), at.time());
        Derivation derivation = new Derivation(document.revision(), asOf(at), new ArrayList<>());
        deriving.set(derivation);
        try {
            derive(document, at);
        } finally {
            deriving.remove();
        }
        String records = store().recordContents().putList(derivation.records(), BsonDocument.class);
        String versionKey = document.documentId() + "@" + version;
        store().documentVersions().put(versionKey, new DerivedVersion(versionKey, document.revision(), at.position(),
                at.time(), List.of(), records));
        if (previous != null && !previous.record().legacyKeys().isEmpty()) {
            store().records(recordType).delete(previous.record().legacyKeys());
        }
        // Last, because the followed document is what recognises a redelivery: a crash before this write makes
        // the event come again, and every write above is an upsert or delete by key that can be repeated.
        store().follow(FollowedDocumentRecord.of(document, textHash, records, at));
    }

    /** Delivery is at least once: an event this document already reflects is not applied again (-1: no token). */
    private static boolean alreadyApplied(Optional<FollowedDocumentRecord> document, ProjectionPosition at) {
        return at.position() >= 0 && document.filter(d -> d.position() >= at.position()).isPresent();
    }
}
