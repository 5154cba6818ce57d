package org.palimpsest.annotations.annotation;

/** The annotation is deleted (a tombstone): it can be restored, but not changed (HTTP 410). */
public class AnnotationDeletedException extends RuntimeException {

    private final String annotationId;
    private final long currentVersion;

    public AnnotationDeletedException(String annotationId, long currentVersion) {
        super("annotation " + annotationId + " is deleted; restore it first");
        this.annotationId = annotationId;
        this.currentVersion = currentVersion;
    }

    public String annotationId() {
        return annotationId;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
