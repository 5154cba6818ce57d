package org.palimpsest.annotations.annotation;

/**
 * A step that does not follow from the annotation's state: restoring one that is not deleted, hiding one already
 * hidden, showing one that is not hidden (HTTP 409).
 */
public class AnnotationStateException extends RuntimeException {

    private final String annotationId;

    public AnnotationStateException(String annotationId, String message) {
        super(message);
        this.annotationId = annotationId;
    }

    public String annotationId() {
        return annotationId;
    }
}
