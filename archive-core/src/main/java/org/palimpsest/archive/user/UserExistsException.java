package org.palimpsest.archive.user;

/** An account of that name already exists; adding it again would silently merge two people. */
public class UserExistsException extends RuntimeException {

    private final String name;

    public UserExistsException(String name) {
        super("an account named '" + name + "' already exists");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
