package org.palimpsest.annotations.projection;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.projection.KeyedCollection;
import org.palimpsest.archive.projection.ProjectionPosition;
import org.palimpsest.archive.projection.StoreCollections;
import org.palimpsest.archive.projection.VersionIndex;

/**
 * The annotation projection's collections of one generation, keyed by unique ids only (the embedded server honours
 * no other index):
 * <ul>
 * <li>{@code annotation_text_changes}: how each document revision came about, under {@code <documentId>@<revision>}
 * ({@link TextChangeRecord}), from which anchoring builds the path between two revisions;</li>
 * <li>{@code annotation_versions}: each version a later fact superseded, under {@code <id>@<version>}
 * ({@link AnnotationVersionRecord}); the version index covers these and the one each record is now;</li>
 * <li>{@code annotation_documents}: per document, its current revision and its annotations' ids
 * ({@link AnnotatedDocument});</li>
 * <li>{@code annotations}: each annotation now, which is also its latest version ({@link AnnotationRecord}), opened
 * last because it recognises a redelivered event, so a batch writes it last.</li>
 * </ul>
 */
public final class AnnotationStore {

    /** Keys per {@code $in}: bounded so one query never carries an unbounded list. */
    private static final int BATCH = 500;

    private final KeyedCollection<TextChangeRecord> textChanges;
    private final KeyedCollection<AnnotationVersionRecord> versions;
    private final VersionIndex versionIndex;
    private final KeyedCollection<AnnotatedDocument> documents;
    private final KeyedCollection<AnnotationRecord> annotations;

    AnnotationStore(StoreCollections collections) {
        this.textChanges = collections.keyed(AnnotationProjection.TEXT_CHANGES, TextChangeRecord.class);
        this.versions = collections.keyed(AnnotationProjection.VERSIONS, AnnotationVersionRecord.class);
        this.versionIndex = collections.versionIndex(AnnotationProjection.VERSION_INDEX);
        this.documents = collections.keyed(AnnotationProjection.DOCUMENTS, AnnotatedDocument.class);
        this.annotations = collections.keyed(AnnotationProjection.ANNOTATIONS, AnnotationRecord.class);
    }

    Optional<AnnotationRecord> find(String annotationId) {
        return annotations.find(annotationId);
    }

    void save(AnnotationRecord record) {
        annotations.put(record.id(), record);
    }

    /** Records when the version a record is about to hold became current. */
    void recordVersion(String annotationId, long position, Instant time) {
        versionIndex.append(annotationId, position, time);
    }

    /**
     * Keeps the version {@code before} holds, which the next fact supersedes. A record written before records held
     * their version's facts has its version stored already.
     */
    void supersede(AnnotationRecord before) {
        if (before.latest() != null) {
            AnnotationVersionRecord version = AnnotationVersionRecord.superseded(before, before.latest());
            versions.put(version.key(), version);
        }
    }

    /** Version {@code version} of an annotation, whole: a superseded one, or the one its record holds now. */
    Optional<AnnotationVersionRecord> version(String annotationId, long version) {
        Optional<AnnotationVersionRecord> stored = versions.find(AnnotationVersionRecord.key(annotationId, version));
        if (stored.isPresent()) {
            return Optional.of(whole(stored.get(), List.of()));
        }
        return annotations.find(annotationId)
                .filter(record -> record.latest() != null && record.state().version() == version)
                .map(record -> AnnotationVersionRecord.current(record, record.latest()));
    }

    /** Versions {@code 1..last} of an annotation, whole, in batches of keys. */
    List<AnnotationVersionRecord> versions(String annotationId, long last) {
        List<String> keys = new ArrayList<>();
        for (long v = 1; v <= last; v++) {
            keys.add(AnnotationVersionRecord.key(annotationId, v));
        }
        List<AnnotationVersionRecord> found = new ArrayList<>();
        for (List<String> batch : batches(keys)) {
            versions.committed().find(Filters.in("_id", batch)).forEach(found::add);
        }
        if (found.size() < last) {
            annotations.find(annotationId).filter(record -> record.latest() != null && record.state().version() == last)
                    .ifPresent(record -> found.add(AnnotationVersionRecord.current(record, record.latest())));
        }
        return found.stream().map(version -> whole(version, found)).toList();
    }

    /** {@code version} with the parts it takes from earlier versions put back: from {@code known}, else one lookup. */
    private AnnotationVersionRecord whole(AnnotationVersionRecord version, List<AnnotationVersionRecord> known) {
        List<Long> sources = version.sources();
        if (sources.isEmpty()) {
            return version;
        }
        Map<Long, AnnotationVersionRecord> byNumber = new HashMap<>();
        known.forEach(k -> byNumber.put(k.version(), k));
        List<String> missing = sources.stream().filter(n -> !byNumber.containsKey(n))
                .map(n -> AnnotationVersionRecord.key(version.annotationId(), n)).toList();
        if (!missing.isEmpty()) {
            versions.committed().find(Filters.in("_id", missing)).forEach(v -> byNumber.put(v.version(), v));
        }
        return version.whole(byNumber);
    }

    /** The version of an annotation current at {@code position} or {@code time}, counted from 1. */
    OptionalLong versionAt(String annotationId, @Nullable Long position, @Nullable Instant time) {
        OptionalLong index = position != null ? versionIndex.versionAt(annotationId, position)
                : versionIndex.versionAt(annotationId, time);
        // Annotation versions count from 1, the index from 0.
        return index.isEmpty() ? index : OptionalLong.of(index.getAsLong() + 1);
    }

    /**
     * Each annotation in the version current at the point asked, dropping those created after it: the record itself
     * when that is its version now, otherwise a lookup of the superseded version.
     */
    List<AnnotationRecord> asOf(List<AnnotationRecord> current, @Nullable Long position, @Nullable Instant time) {
        List<AnnotationRecord> then = new ArrayList<>();
        for (AnnotationRecord record : current) {
            OptionalLong version = versionAt(record.id(), position, time);
            if (version.isEmpty()) {
                continue;
            }
            if (version.getAsLong() == record.state().version()) {
                then.add(AnnotationRecord.asOf(record.state().toState(), record.documentId(), record.revisionTime(),
                        record.asOf()));
                continue;
            }
            version(record.id(), version.getAsLong()).ifPresent(v -> then.add(AnnotationRecord.asOf(v.state().toState(),
                    record.documentId(), v.revisionTime(), new ProjectionPosition(v.position(), v.time()))));
        }
        return then;
    }

    Optional<TextChangeRecord> textChange(String documentId, long revision) {
        return textChanges.find(TextChangeRecord.key(documentId, revision));
    }

    void saveTextChange(TextChangeRecord change) {
        textChanges.put(change.key(), change);
    }

    /** The text changes of {@code documentId} with these revisions, read with {@code $in} on their keys. */
    List<TextChangeRecord> textChanges(String documentId, long fromRevision, long toRevision) {
        List<String> keys = new ArrayList<>();
        for (long r = fromRevision; r <= toRevision; r++) {
            keys.add(TextChangeRecord.key(documentId, r));
        }
        List<TextChangeRecord> found = new ArrayList<>();
        for (List<String> batch : batches(keys)) {
            textChanges.committed().find(Filters.in("_id", batch)).forEach(found::add);
        }
        return found;
    }

    Optional<AnnotatedDocument> document(String documentId) {
        return documents.find(documentId);
    }

    void saveDocument(AnnotatedDocument document) {
        documents.put(document.documentId(), document);
    }

    /** Every annotation on {@code documentId} or in its threads: one key lookup and {@code $in} on ids. */
    List<AnnotationRecord> onDocument(String documentId) {
        Optional<AnnotatedDocument> document = document(documentId);
        if (document.isEmpty()) {
            return List.of();
        }
        List<AnnotationRecord> found = new ArrayList<>();
        for (List<String> batch : batches(document.get().annotationIds())) {
            annotations.committed().find(Filters.in("_id", batch)).forEach(found::add);
        }
        return found;
    }

    /** The current annotations as flushed, for listings not confined to one document. */
    KeyedCollection<AnnotationRecord> annotations() {
        return annotations;
    }

    private static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return batches;
    }
}
