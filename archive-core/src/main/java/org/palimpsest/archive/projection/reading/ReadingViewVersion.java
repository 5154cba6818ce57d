package org.palimpsest.archive.projection.reading;

import org.bson.codecs.pojo.annotations.BsonId;

/** A reading view as it was from one event on, stored under {@code <documentId>@<version>}. */
public record ReadingViewVersion(@BsonId String key, ReadingView view) {

    static String key(String documentId, long version) {
        return documentId + "@" + version;
    }
}
