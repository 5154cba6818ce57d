package org.palimpsest.annotations.projection;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * <li>{@code annotation_versions}: each version under {@code <id>@<version>} ({@link AnnotationVersionRecord}), with
 * its version index;</li>
 * <li>{@code annotation_documents}: per document, its current revision and its annotations' ids
 * ({@link AnnotatedDocument});</li>
 * <li>{@code annotations}: each annotation now ({@link AnnotationRecord}), opened last because it recognises a
 * redelivered event, so a batch writes it last.</li>
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

    /** Keeps a version and records when it became current. */
    void saveVersion(AnnotationVersionRecord version, Instant time) {
        versions.put(version.key(), version);
        versionIndex.append(version.annotationId(), version.position(), time);
    }

    Optional<AnnotationVersionRecord> version(String annotationId, long version) {
        return versions.find(AnnotationVersionRecord.key(annotationId, version));
    }

    /** Versions {@code 1..last} of an annotation, in batches of keys. */
    List<AnnotationVersionRecord> versions(String annotationId, long last) {
        List<String> keys = new ArrayList<>();
        for (long v = 1; v <= last; v++) {
            keys.add(AnnotationVersionRecord.key(annotationId, v));
        }
        List<AnnotationVersionRecord> found = new ArrayList<>();
        for (List<String> batch : batches(keys)) {
            versions.committed().find(Filters.in("_id", batch)).forEach(found::add);
        }
        return found;
    }

    /** The version of an annotation current at {@code position} or {@code time}, counted from 1. */
    OptionalLong versionAt(String annotationId, @Nullable Long position, @Nullable Instant time) {
        OptionalLong index = position != null ? versionIndex.versionAt(annotationId, position)
                : versionIndex.versionAt(annotationId, time);
        // Annotation versions count from 1, the index from 0.
        return index.isEmpty() ? index : OptionalLong.of(index.getAsLong() + 1);
    }

    /** Each annotation in the version current at the point asked, dropping those created after it. */
    List<AnnotationRecord> asOf(List<AnnotationRecord> current, @Nullable Long position, @Nullable Instant time) {
        List<AnnotationRecord> then = new ArrayList<>();
        for (AnnotationRecord record : current) {
            OptionalLong version = versionAt(record.id(), position, time);
            if (version.isEmpty()) {
                continue;
            }
            version(record.id(), version.getAsLong()).ifPresent(v -> then.add(AnnotationRecord.of(v.state().toState(),
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
