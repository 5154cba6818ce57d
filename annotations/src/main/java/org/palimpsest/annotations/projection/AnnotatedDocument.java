package org.palimpsest.annotations.projection;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The small index record of one document, in {@code annotation_documents}: its current revision and the ids of every
 * annotation on it and in its threads, oldest first, so "the annotations of document X" is one key lookup and one
 * {@code $in} on ids, never a scan (the embedded server honours unique indexes only).
 */
public record AnnotatedDocument(@BsonId String documentId, long revision, List<String> annotationIds) {

    public AnnotatedDocument {
        annotationIds = List.copyOf(annotationIds);
    }
}
