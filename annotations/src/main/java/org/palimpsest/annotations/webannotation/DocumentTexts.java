package org.palimpsest.annotations.webannotation;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the parser needs to know of documents to check a target: the current revision (for targets that name none)
 * and the text of the revision named. The API implements it on its read models.
 */
public interface DocumentTexts {

    /** The current revision of {@code documentId}; empty when there is no such document. */
    OptionalLong currentRevision(String documentId);

    /** The NFC text of {@code documentId} at {@code revision}; empty when there is no such revision. */
    Optional<String> textAt(String documentId, long revision);
}
