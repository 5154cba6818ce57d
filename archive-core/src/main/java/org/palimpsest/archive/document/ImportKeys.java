package org.palimpsest.archive.document;

import java.util.Optional;

/**
 * The small lookup the write side needs to make imports idempotent: which document a content hash or a
 * source URI already belongs to. Keys are claimed atomically, so two concurrent imports of the same
 * source resolve to one document.
 */
public interface ImportKeys {

    /** The document that already holds this key, if any. */
    Optional<String> find(String key);

    /**
     * Binds {@code key} to {@code documentId} unless it is bound already.
     *
     * @return the document the key is bound to after the call: {@code documentId} or the earlier claimant
     */
    String claim(String key, String documentId);

    static String contentKey(String contentHash) {
        return "content:" + contentHash;
    }

    static String sourceKey(String sourceUri) {
        return "source:" + sourceUri;
    }
}
