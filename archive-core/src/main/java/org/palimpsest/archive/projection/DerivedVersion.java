package org.palimpsest.archive.projection;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TextDerivedProjection} derived from one version of a document, under {@code <documentId>@<version>}:
 * the records as a chunked list in the content store ({@code contents}, its hash), without the revision and position they all share,
 * which are kept here once (ADR 10). Versions written before ADR 10 have no contents; their records were copied
 * whole under {@code <key>@<version>} and are listed in {@code derivedKeys}.
 */
public record DerivedVersion(@BsonId String documentId, long revision, long position, @Nullable Instant time,
                             List<String> derivedKeys, @Nullable String contents) {
}
