package org.palimpsest.archive.projection.reading;

import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A reading view as it was from one event on, stored under {@code <documentId>@<version>}. Since ADR 10 the view is
 * kept without its text, fixes, segments and redactions, which {@code contents} refers to; versions written before
 * carry the whole view and no contents.
 */
public record ReadingViewVersion(@BsonId String key, ReadingView view, @Nullable ViewContents contents) {

    static String key(String documentId, long version) {
        return documentId + "@" + version;
    }
}
