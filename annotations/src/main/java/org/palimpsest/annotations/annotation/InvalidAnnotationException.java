package org.palimpsest.annotations.annotation;

/**
 * An annotation that cannot be written as submitted. {@code field} names the offending field as the W3C JSON-LD
 * names it ({@code motivation}, {@code body[1].value}, {@code target.selector}), so a client can point at it.
 */
public class InvalidAnnotationException extends RuntimeException {

    private final String field;

    public InvalidAnnotationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
