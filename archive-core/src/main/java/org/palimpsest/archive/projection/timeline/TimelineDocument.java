package org.palimpsest.archive.projection.timeline;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/** The timeline's own copy of a document: its current text and the keys of its entries, replaced by key. */
public record TimelineDocument(@BsonId String documentId, String title, String language, @Nullable String publishedAt,
                        long revision, String text, List<String> entryKeys) {
}
