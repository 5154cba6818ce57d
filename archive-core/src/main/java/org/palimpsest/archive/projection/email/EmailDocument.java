package org.palimpsest.archive.projection.email;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The email projection's own copy of a document: its current text (so fixes can be applied without reading
 * another projection) and the keys of the renderings found in it (so they can be replaced by key).
 */
public record EmailDocument(@BsonId String documentId, String title, String language, long revision, String text,
                     List<String> renderingKeys) {
}
