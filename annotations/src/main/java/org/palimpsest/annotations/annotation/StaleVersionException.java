package org.palimpsest.annotations.annotation;

/**
 * A change was made against a version of the annotation that is no longer the current one (HTTP 412 with the current
 * version as ETag). Concurrent edits are refused, never merged silently.
 */
public class StaleVersionException extends RuntimeException {

    private final String annotationId;
    private final long currentVersion;
    private final long expectedVersion;

    public StaleVersionException(String annotationId, long currentVersion, long expectedVersion) {
        super("annotation " + annotationId + " is at version " + currentVersion + ", not " + expectedVersion);
        this.annotationId = annotationId;
        this.currentVersion = currentVersion;
        this.expectedVersion = expectedVersion;
    }

    public String annotationId() {
        return annotationId;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
