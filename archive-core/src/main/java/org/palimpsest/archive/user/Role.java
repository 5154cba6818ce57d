package org.palimpsest.archive.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The roles of DESIGN.md. Stronger roles include weaker ones (reader &lt; annotator &lt; editor &lt; admin,
 * reader &lt; auditor &lt; admin); that hierarchy is applied where access is checked, a grant names one role.
 */
public enum Role {
    READER,
    ANNOTATOR,
    EDITOR,
    AUDITOR,
    ADMIN;

    /** The lower-case name used in URLs, on the command line and in answers. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code editor}, {@code EDITOR} and the like; refuses anything else, naming the choices. */
    public static Role parse(String value) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(value.strip())) {
                return role;
            }
        }
        throw new InvalidUserException("role", "unknown role '" + value + "'; roles are " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "));
    }
}
