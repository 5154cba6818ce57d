package org.palimpsest.annotations.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.anchoring.Anchorer;
import org.palimpsest.annotations.anchoring.Anchoring;
import org.palimpsest.annotations.anchoring.RevisionPath;
import org.palimpsest.annotations.annotation.AnnotationCreated;
import org.palimpsest.annotations.annotation.AnnotationDeleted;
import org.palimpsest.annotations.annotation.AnnotationEvent;
import org.palimpsest.annotations.annotation.AnnotationHidden;
import org.palimpsest.annotations.annotation.AnnotationReplyTarget;
import org.palimpsest.annotations.annotation.AnnotationRestored;
import org.palimpsest.annotations.annotation.AnnotationRevised;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.annotations.annotation.AnnotationUnhidden;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Target;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixReverted;
import org.palimpsest.archive.projection.ProjectionPosition;
import org.palimpsest.archive.projection.Generation;
import org.palimpsest.archive.projection.Generational;
import org.palimpsest.archive.projection.Rebuildable;
import org.palimpsest.archive.projection.VersionIndex;

/**
 * Projects annotation facts, and the document facts that move text under them, into four collections keyed by
 * unique ids only (the embedded server honours no other index):
 * <ul>
 * <li>{@code annotations}: each annotation now ({@link AnnotationRecord});</li>
 * <li>{@code annotation_versions}: each version under {@code <id>@<version>} ({@link AnnotationVersionRecord});</li>
 * <li>{@code annotation_text_changes}: how each document revision came about, under {@code <documentId>@<revision>}
 * ({@link TextChangeRecord}), from which anchoring builds the {@link RevisionPath} between two revisions;</li>
 * <li>{@code annotation_documents}: per document, its current revision and its annotations' ids
 * ({@link AnnotatedDocument}).</li>
 * </ul>
 * It reads no other projection: the document revisions it needs arrive as events on the same stream.
 */
@ProcessingGroup(AnnotationProjection.PROCESSING_GROUP)
public class AnnotationProjection implements Rebuildable {

    public static final String PROCESSING_GROUP = "annotations";
    public static final String ANNOTATIONS = "annotations";
    public static final String VERSIONS = "annotation_versions";
    public static final String TEXT_CHANGES = "annotation_text_changes";
    public static final String DOCUMENTS = "annotation_documents";

    /** Keys per {@code $in}: bounded so one query never carries an unbounded list. */
    private static final int BATCH = 500;
    private static final Comparator<AnnotationRecord> OLDEST_FIRST =
            Comparator.comparing(AnnotationRecord::created).thenComparing(AnnotationRecord::id);

    /** The collections of one generation; swapped whole when a rebuild is adopted. */
    private record Store(MongoCollection<AnnotationRecord> annotations,
                         MongoCollection<AnnotationVersionRecord> versions, VersionIndex versionIndex,
                         MongoCollection<TextChangeRecord> textChanges, MongoCollection<AnnotatedDocument> documents) {

        static Store of(MongoDatabase database, Generation generation) {
            return new Store(
                    database.getCollection(generation.name(ANNOTATIONS), AnnotationRecord.class),
                    database.getCollection(generation.name(VERSIONS), AnnotationVersionRecord.class),
                    new VersionIndex(database, generation.name(VERSION_INDEX)),
                    database.getCollection(generation.name(TEXT_CHANGES), TextChangeRecord.class),
                    database.getCollection(generation.name(DOCUMENTS), AnnotatedDocument.class));
        }
    }

    private static final String VERSION_INDEX = "annotation_version_index";

    private final MongoDatabase database;
    private final Generational<Store> generations;

    public AnnotationProjection(MongoDatabase database) {
        this(database, Generation.FIRST);
    }

    public AnnotationProjection(MongoDatabase database, Generation generation) {
        this.database = database;
        this.generations = new Generational<>(generation, g -> Store.of(database, g));
        MongoCollection<AnnotationRecord> annotations = store().annotations();
        // For the unfiltered container and its creator/tag/motivation filters on a real MongoDB; the embedded server
        // ignores them and scans. Listings by document never need them (annotation_documents + $in).
        annotations.createIndex(Indexes.ascending("created", "_id"));
        annotations.createIndex(Indexes.ascending("creator", "created"));
        annotations.createIndex(Indexes.ascending("tags"));
        annotations.createIndex(Indexes.ascending("motivations"));
        annotations.createIndex(Indexes.ascending("replyTo"));
    }

    private Store store() {
        return generations.store();
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public Generation generation() {
        return generations.generation();
    }

    @Override
    public Rebuildable fresh(Generation generation) {
        return new AnnotationProjection(database, generation);
    }

    @Override
    public void adopt(Rebuildable rebuilt) {
        generations.adopt(((AnnotationProjection) rebuilt).generations);
    }

    @Override
    public List<String> collections(Generation generation) {
        String index = generation.name(VERSION_INDEX);
        return List.of(generation.name(ANNOTATIONS), generation.name(VERSIONS), generation.name(TEXT_CHANGES),
                generation.name(DOCUMENTS), index + "_directory", index + "_blocks");
    }

    // Document facts: how the text under the annotations moved.

    @EventHandler
    void on(DocumentImported event, @Timestamp Instant time) {
        saveTextChange(event.documentId(), 0, "imported", null, time);
        setRevision(event.documentId(), 0);
    }

    @EventHandler
    void on(DocumentReimported event, @Timestamp Instant time) {
        // No offset mapping crosses a re-import: a record without a change is a reset marker.
        saveTextChange(event.documentId(), event.revision(), "reimported", null, time);
        setRevision(event.documentId(), event.revision());
    }

    @EventHandler
    void on(TranslationFixAccepted event, @Timestamp Instant time) {
        saveTextChange(event.documentId(), event.revision(), "fix-accepted", event.change(), time);
        setRevision(event.documentId(), event.revision());
    }

    @EventHandler
    void on(TranslationFixReverted event, @Timestamp Instant time) {
        saveTextChange(event.documentId(), event.revision(), "fix-reverted", event.change(), time);
        setRevision(event.documentId(), event.revision());
    }

    // Annotation facts.

    @EventHandler
    void on(AnnotationCreated event, @Timestamp Instant time, @Nullable TrackingToken token) {
        if (find(event.annotationId()).isPresent()) {
            return; // delivered again after a restart: already projected
        }
        ProjectionPosition at = ProjectionPosition.of(token, time);
        AnnotationState state = AnnotationState.of(event, time);
        String documentId = documentOf(state.target());
        Instant revisionTime = revisionTime(state.target());
        AnnotationRecord record = AnnotationRecord.of(state, documentId, revisionTime, at);
        saveVersion(state, event, time, "created", changedParts(null, state), null, false, revisionTime, at);
        if (record.documentId() != null) {
            addToDocument(record.documentId(), state.annotationId());
        }
        save(record);
    }

    @EventHandler
    void on(AnnotationRevised event, @Timestamp Instant time, @Nullable TrackingToken token) {
        advance(event, time, token, "revised", null, event.byModerator());
    }

    @EventHandler
    void on(AnnotationDeleted event, @Timestamp Instant time, @Nullable TrackingToken token) {
        advance(event, time, token, "deleted", event.reason(), event.byModerator());
    }

    @EventHandler
    void on(AnnotationRestored event, @Timestamp Instant time, @Nullable TrackingToken token) {
        advance(event, time, token, "restored", event.reason(), event.byModerator());
    }

    @EventHandler
    void on(AnnotationHidden event, @Timestamp Instant time, @Nullable TrackingToken token) {
        advance(event, time, token, "hidden", event.reason(), true);
    }

    @EventHandler
    void on(AnnotationUnhidden event, @Timestamp Instant time, @Nullable TrackingToken token) {
        advance(event, time, token, "unhidden", event.reason(), true);
    }

    private void advance(AnnotationEvent event, Instant time, @Nullable TrackingToken token, String change,
                         @Nullable String reason, boolean byModerator) {
        AnnotationRecord before = find(event.annotationId()).orElseThrow(() -> new IllegalStateException(
                "annotation " + event.annotationId() + " is missing from the read model; rebuild the projection"));
        if (event.version() <= before.state().version()) {
            return; // delivered again after a restart: already projected
        }
        ProjectionPosition at = ProjectionPosition.of(token, time);
        AnnotationState previous = before.state().toState();
        AnnotationState state = previous.then(event, time);
        Instant revisionTime = state.target().equals(previous.target()) ? before.revisionTime()
                : revisionTime(state.target());
        List<String> changed = event instanceof AnnotationRevised ? changedParts(previous, state) : List.of();
        saveVersion(state, event, time, change, changed, reason, byModerator, revisionTime, at);
        save(AnnotationRecord.of(state, before.documentId(), revisionTime, at));
    }

    @ResetHandler
    void reset() {
        store().annotations().deleteMany(Filters.empty());
        store().versions().deleteMany(Filters.empty());
        store().versionIndex().reset();
        store().textChanges().deleteMany(Filters.empty());
        store().documents().deleteMany(Filters.empty());
    }

    // Queries.

    @QueryHandler
    public Optional<AnnotationView> handle(FindAnnotation query) {
        return find(query.annotationId()).map(AnnotationRecord::view);
    }

    @QueryHandler
    public Optional<AnnotationVersion> handle(FindAnnotationVersion query) {
        return Optional.ofNullable(store().versions().find(Filters.eq("_id",
                AnnotationVersionRecord.key(query.annotationId(), query.version()))).first())
                .map(AnnotationVersionRecord::toVersion);
    }

    /** Key lookups only, whatever the length of the annotation's history (see {@link VersionIndex}). */
    @QueryHandler
    public Optional<AnnotationVersion> handle(FindAnnotationVersionAsOf query) {
        OptionalLong index = query.position() != null
                ? store().versionIndex().versionAt(query.annotationId(), query.position())
                : store().versionIndex().versionAt(query.annotationId(), query.time());
        // Annotation versions count from 1, the index from 0.
        return index.isEmpty() ? Optional.empty()
                : handle(new FindAnnotationVersion(query.annotationId(), index.getAsLong() + 1));
    }

    @QueryHandler
    public List<AnnotationVersion> handle(ListAnnotationVersions query) {
        Optional<AnnotationRecord> current = find(query.annotationId());
        if (current.isEmpty()) {
            return List.of();
        }
        List<String> keys = LongStream.rangeClosed(1, current.get().state().version())
                .mapToObj(v -> AnnotationVersionRecord.key(query.annotationId(), v))
                .toList();
        List<AnnotationVersionRecord> found = new ArrayList<>();
        for (List<String> batch : batches(keys)) {
            store().versions().find(Filters.in("_id", batch)).forEach(found::add);
        }
        return found.stream()
                .sorted(Comparator.comparingLong(AnnotationVersionRecord::version))
                .map(AnnotationVersionRecord::toVersion)
                .toList();
    }

    @QueryHandler
    public AnnotationListing handle(ListAnnotations query) {
        String byDocument = query.documentId();
        if (byDocument == null && query.repliesTo() != null) {
            // Replies live in their thread's document index; an unknown parent has none.
            byDocument = find(query.repliesTo()).map(AnnotationRecord::documentId).orElse(null);
        }
        List<AnnotationRecord> page;
        long total;
        if (byDocument != null) {
            List<AnnotationRecord> onIt = query.historical()
                    ? asOf(onDocument(byDocument), query.position(), query.time())
                    : onDocument(byDocument);
            List<AnnotationRecord> matching = onIt.stream()
                    .filter(matches(query))
                    .sorted(OLDEST_FIRST)
                    .toList();
            total = matching.size();
            page = matching.stream().skip((long) query.page() * query.size()).limit(query.size()).toList();
        } else {
            Bson filter = filter(query);
            total = store().annotations().countDocuments(filter);
            page = new ArrayList<>();
            store().annotations().find(filter)
                    .sort(Sorts.ascending("created", "_id"))
                    .skip(query.page() * query.size())
                    .limit(query.size())
                    .forEach(page::add);
        }
        List<AnnotationView> items = page.stream().map(AnnotationRecord::view).toList();
        boolean behind = false;
        if (query.anchorTo() != null && query.documentId() != null) {
            Placement placement = new Placement(query.documentId(), query.anchorTo(), items);
            items = items.stream().map(v -> v.anchored(placement.anchor(v))).toList();
            behind = placement.knownRevision < placement.revision;
        }
        return new AnnotationListing(items, query.page(), query.size(), total, behind);
    }

    @QueryHandler
    public AnchoredDocument handle(AnchoredAnnotations query) {
        String documentId = query.documentId();
        List<AnnotationRecord> records = query.historical()
                ? asOf(onDocument(documentId), query.position(), query.time())
                : onDocument(documentId);
        List<AnnotationView> live = records.stream()
                .map(AnnotationRecord::view)
                .filter(v -> v.visibleTo(null, false))
                .toList();
        Map<String, List<AnnotationView>> repliesByParent = new HashMap<>();
        List<AnnotationView> topLevel = new ArrayList<>();
        for (AnnotationView view : live) {
            if (view.replyTo() != null) {
                repliesByParent.computeIfAbsent(view.replyTo(), k -> new ArrayList<>()).add(view);
            } else if (view.state().target() instanceof DocumentTarget target && target.documentId().equals(documentId)) {
                topLevel.add(view);
            }
        }
        Placement placement = new Placement(documentId, query.current(), topLevel);
        List<AnchoredAnnotation> anchored = topLevel.stream()
                .map(v -> new AnchoredAnnotation(v, placement.anchor(v), thread(v.id(), repliesByParent, new HashSet<>())))
                .sorted(Comparator.comparingInt((AnchoredAnnotation a) -> readingPosition(a.anchoring()))
                        .thenComparing(a -> a.annotation().state().created())
                        .thenComparing(a -> a.annotation().id()))
                .toList();
        return new AnchoredDocument(documentId, placement.revision, placement.knownRevision, anchored);
    }

    private static int readingPosition(Anchoring anchoring) {
        return anchoring.anchored() && anchoring.span() != null ? anchoring.span().start() : Integer.MAX_VALUE;
    }

    private static List<AnnotationThread> thread(String parentId, Map<String, List<AnnotationView>> repliesByParent,
                                                 Set<String> seen) {
        if (!seen.add(parentId)) {
            return List.of(); // replies name earlier annotations, so there is no cycle; this only guards bad data
        }
        return repliesByParent.getOrDefault(parentId, List.of()).stream()
                .sorted(Comparator.comparing((AnnotationView v) -> v.state().created()).thenComparing(AnnotationView::id))
                .map(reply -> new AnnotationThread(reply, thread(reply.id(), repliesByParent, seen)))
                .toList();
    }

    /**
     * Places annotations of one document in its current text. The text changes between the oldest revision any of
     * them was made on and the current one are read once, with one {@code $in} on their keys.
     */
    private final class Placement {

        private final String text;
        private final long revision;
        private final long knownRevision;
        private final Map<Long, TextChangeRecord> changes = new HashMap<>();

        Placement(String documentId, CurrentText current, Collection<AnnotationView> views) {
            AnnotatedDocument document = store().documents().find(Filters.eq("_id", documentId)).first();
            this.knownRevision = document == null ? -1 : document.revision();
            this.text = current.text();
            this.revision = current.revision() == CurrentText.LATEST_KNOWN ? Math.max(0, knownRevision) : current.revision();
            long oldest = views.stream()
                    .map(v -> v.state().target())
                    .filter(DocumentTarget.class::isInstance)
                    .mapToLong(t -> ((DocumentTarget) t).revision())
                    .min().orElse(revision);
            List<String> keys = LongStream.rangeClosed(oldest + 1, revision)
                    .mapToObj(r -> TextChangeRecord.key(documentId, r))
                    .toList();
            for (List<String> batch : batches(keys)) {
                store().textChanges().find(Filters.in("_id", batch)).forEach(c -> changes.put(c.revision(), c));
            }
        }

        @Nullable Anchoring anchor(AnnotationView view) {
            if (!(view.state().target() instanceof DocumentTarget target)) {
                return null;
            }
            return Anchorer.anchor(text, target.quote(), target.position(), path(target.revision()));
        }

        /** The exact edits from {@code from} to the current revision; unmapped across a re-import or a gap. */
        private RevisionPath path(long from) {
            if (from == revision) {
                return RevisionPath.unchanged();
            }
            if (from > revision) {
                return RevisionPath.unmapped();
            }
            List<TextChange> edits = new ArrayList<>();
            for (long r = from + 1; r <= revision; r++) {
                TextChangeRecord record = changes.get(r);
                if (record == null || record.change() == null) {
                    return RevisionPath.unmapped();
                }
                edits.add(record.change());
            }
            return RevisionPath.through(edits);
        }
    }

    // Reading and writing the collections.

    private Optional<AnnotationRecord> find(String annotationId) {
        return Optional.ofNullable(store().annotations().find(Filters.eq("_id", annotationId)).first());
    }

    /** Every annotation on {@code documentId} or in its threads: one key lookup and {@code $in} on ids. */
    /** Each annotation in the version current at the point asked, dropping those created after it. */
    private List<AnnotationRecord> asOf(List<AnnotationRecord> current, @Nullable Long position, @Nullable Instant time) {
        List<AnnotationRecord> then = new ArrayList<>();
        for (AnnotationRecord record : current) {
            OptionalLong index = position != null ? store().versionIndex().versionAt(record.id(), position)
                    : store().versionIndex().versionAt(record.id(), time);
            if (index.isEmpty()) {
                continue;
            }
            AnnotationVersionRecord version = store().versions().find(Filters.eq("_id",
                    AnnotationVersionRecord.key(record.id(), index.getAsLong() + 1))).first();
            if (version != null) {
                then.add(AnnotationRecord.of(version.state().toState(), record.documentId(), version.revisionTime(),
                        new ProjectionPosition(version.position(), version.time())));
            }
        }
        return then;
    }

    /** Ids of every annotation this projection knows, deleted ones included. */
    public List<String> currentIds() {
        List<String> ids = new ArrayList<>();
        store().annotations().withDocumentClass(org.bson.Document.class).find().projection(new org.bson.Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private List<AnnotationRecord> onDocument(String documentId) {
        AnnotatedDocument document = store().documents().find(Filters.eq("_id", documentId)).first();
        if (document == null) {
            return List.of();
        }
        List<AnnotationRecord> found = new ArrayList<>();
        for (List<String> batch : batches(document.annotationIds())) {
            store().annotations().find(Filters.in("_id", batch)).forEach(found::add);
        }
        return found;
    }

    /** The listing's conditions as a predicate, for records read by id... */
    private static Predicate<AnnotationRecord> matches(ListAnnotations query) {
        return r -> !r.deleted()
                && (!r.hidden() || query.viewerIsModerator() || r.creator().equals(query.viewer()))
                && (query.documentId() == null || query.documentId().equals(r.documentId()) && r.replyTo() == null)
                && (query.repliesTo() == null || query.repliesTo().equals(r.replyTo()))
                && (query.creator() == null || query.creator().equals(r.creator()))
                && (query.tag() == null || r.tags().contains(query.tag()))
                && (query.motivation() == null || r.motivations().contains(query.motivation()));
    }

    /** ...and the same conditions as a MongoDB filter, for listings not confined to one document. */
    private static Bson filter(ListAnnotations query) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq("deleted", false));
        if (!query.viewerIsModerator()) {
            conditions.add(query.viewer() == null ? Filters.eq("hidden", false)
                    : Filters.or(Filters.eq("hidden", false), Filters.eq("creator", query.viewer())));
        }
        if (query.documentId() != null) {
            conditions.add(Filters.eq("documentId", query.documentId()));
            conditions.add(Filters.eq("replyTo", null));
        }
        if (query.repliesTo() != null) {
            conditions.add(Filters.eq("replyTo", query.repliesTo()));
        }
        if (query.creator() != null) {
            conditions.add(Filters.eq("creator", query.creator()));
        }
        if (query.tag() != null) {
            conditions.add(Filters.eq("tags", query.tag()));
        }
        if (query.motivation() != null) {
            conditions.add(Filters.eq("motivations", query.motivation()));
        }
        return Filters.and(conditions);
    }

    private static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return batches;
    }

    private @Nullable String documentOf(Target target) {
        if (target instanceof DocumentTarget document) {
            return document.documentId();
        }
        // A reply's thread is on the document its root is on; the parent, made earlier, is already projected.
        return find(((AnnotationReplyTarget) target).annotationId()).map(AnnotationRecord::documentId).orElse(null);
    }

    private @Nullable Instant revisionTime(Target target) {
        if (!(target instanceof DocumentTarget document)) {
            return null;
        }
        TextChangeRecord made = store().textChanges().find(Filters.eq("_id",
                TextChangeRecord.key(document.documentId(), document.revision()))).first();
        return made == null ? null : made.time();
    }

    /** Which parts a creation or revision set: what a history line says changed. */
    private static List<String> changedParts(@Nullable AnnotationState before, AnnotationState after) {
        List<String> parts = new ArrayList<>();
        if (before == null ? !after.motivations().isEmpty() : !before.motivations().equals(after.motivations())) {
            parts.add("motivation");
        }
        if (before == null ? !after.bodies().isEmpty() : !before.bodies().equals(after.bodies())) {
            parts.add("body");
        }
        if (before == null || !before.target().equals(after.target())) {
            parts.add("target");
        }
        return parts;
    }

    /**
     * Written after everything else an event produces, because the record is what recognises a redelivery: a
     * crash before it makes the event come again, and the writes before it are upserts by key that can repeat.
     */
    private void save(AnnotationRecord record) {
        store().annotations().replaceOne(Filters.eq("_id", record.id()), record, new ReplaceOptions().upsert(true));
    }

    private void saveVersion(AnnotationState state, AnnotationEvent event, Instant time, String change,
                             List<String> changed, @Nullable String reason, boolean byModerator,
                             @Nullable Instant revisionTime, ProjectionPosition at) {
        String key = AnnotationVersionRecord.key(state.annotationId(), state.version());
        store().versions().replaceOne(Filters.eq("_id", key),
                new AnnotationVersionRecord(key, state.annotationId(), state.version(), StoredState.of(state),
                        event.actor(), time, change, changed, reason, byModerator, revisionTime, at.position()),
                new ReplaceOptions().upsert(true));
        store().versionIndex().append(state.annotationId(), at.position(), time);
    }

    private void saveTextChange(String documentId, long revision, String cause, @Nullable TextChange change,
                                Instant time) {
        String key = TextChangeRecord.key(documentId, revision);
        store().textChanges().replaceOne(Filters.eq("_id", key), new TextChangeRecord(key, documentId, revision, cause, change, time),
                new ReplaceOptions().upsert(true));
    }

    private void setRevision(String documentId, long revision) {
        AnnotatedDocument document = store().documents().find(Filters.eq("_id", documentId)).first();
        List<String> ids = document == null ? List.of() : document.annotationIds();
        // Revisions only grow; a redelivered older event must not move the document back.
        long current = document == null ? revision : Math.max(document.revision(), revision);
        store().documents().replaceOne(Filters.eq("_id", documentId), new AnnotatedDocument(documentId, current, ids),
                new ReplaceOptions().upsert(true));
    }

    private void addToDocument(String documentId, String annotationId) {
        AnnotatedDocument document = store().documents().find(Filters.eq("_id", documentId)).first();
        if (document != null && document.annotationIds().contains(annotationId)) {
            return;
        }
        List<String> ids = new ArrayList<>(document == null ? List.of() : document.annotationIds());
        ids.add(annotationId);
        store().documents().replaceOne(Filters.eq("_id", documentId),
                new AnnotatedDocument(documentId, document == null ? 0 : document.revision(), ids),
                new ReplaceOptions().upsert(true));
    }
}
