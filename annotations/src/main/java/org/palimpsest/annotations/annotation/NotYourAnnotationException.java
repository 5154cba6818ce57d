package org.palimpsest.annotations.annotation;

/** Someone other than the creator, and not acting as moderator, tried to change an annotation (HTTP 403). */
public class NotYourAnnotationException extends RuntimeException {

    private final String annotationId;
    private final String actor;

    public NotYourAnnotationException(String annotationId, String actor) {
        super(actor + " did not create annotation " + annotationId + " and may not change it");
        this.annotationId = annotationId;
        this.actor = actor;
    }

    public String annotationId() {
        return annotationId;
    }

    public String actor() {
        return actor;
    }
}
