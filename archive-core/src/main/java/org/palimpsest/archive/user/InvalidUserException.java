package org.palimpsest.archive.user;

/** A user command with a value the rules refuse (a malformed name, an unknown role); names the field at fault. */
public class InvalidUserException extends IllegalArgumentException {

    private final String field;

    public InvalidUserException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
