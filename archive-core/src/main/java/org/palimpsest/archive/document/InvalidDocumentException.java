package org.palimpsest.archive.document;

import org.jspecify.annotations.Nullable;

/** An import that cannot be accepted as submitted, naming the field (and line, for front matter) at fault. */
public class InvalidDocumentException extends RuntimeException {

    private final String field;
    private final @Nullable Integer line;

    public InvalidDocumentException(String field, String message) {
        this(field, null, message);
    }

    public InvalidDocumentException(String field, @Nullable Integer line, String message) {
        super(message);
        this.field = field;
        this.line = line;
    }

    public String field() {
        return field;
    }

    public @Nullable Integer line() {
        return line;
    }
}
