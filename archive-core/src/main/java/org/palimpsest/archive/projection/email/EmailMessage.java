package org.palimpsest.archive.projection.email;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message quoted somewhere in the archive, with every rendering of it: the same email quoted by several
 * documents, or translated into several languages, is one message.
 *
 * @param id         stable as long as its first rendering exists: {@code <documentId>-<localId>} of that rendering
 * @param time       the moment it was sent, as best known
 * @param renderings in document order, the first being the one the id names
 */
public record EmailMessage(String id, @Nullable Instant time, List<EmailRendering> renderings) {
}
