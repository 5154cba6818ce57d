package org.palimpsest.archive.user;

import java.util.regex.Pattern;
import org.palimpsest.archive.input.InputLimits;

/**
 * What an account name may be, and the aggregate identifier it maps to. Names are lower-case so that "Mara" and
 * "mara" cannot become two people; the identifier is prefixed because aggregate ids share one key space in the
 * event store with document and annotation ids.
 */
public final class UserNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (InputLimits.ACCOUNT_NAME - 1) + "}");
    private static final String PREFIX = "user:";

    private UserNames() {
    }

    /** The name itself when valid; otherwise an {@link InvalidUserException} on field {@code name}. */
    public static String requireValid(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidUserException("name", "an account name is 1 to " + InputLimits.ACCOUNT_NAME + " characters of a-z, 0-9, '.', '_' or '-', "
                    + "starting with a letter or digit; got '" + abbreviated(name) + "'");
        }
        return name;
    }

    private static String abbreviated(String name) {
        return name.length() <= InputLimits.ACCOUNT_NAME ? name : name.substring(0, InputLimits.ACCOUNT_NAME) + "…";
    }

    public static String aggregateId(String name) {
        return PREFIX + name;
    }
}
