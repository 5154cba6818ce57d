package org.palimpsest.archive.document;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a document came from, as the importer asserted it.
 *
 * @param uri         the page or file it was taken from, when known
 * @param publisher   who published it, when known
 * @param retrievedAt when the importer fetched or received it
 */
public record DocumentSource(@Nullable String uri, @Nullable String publisher, Instant retrievedAt) {
}
