package org.palimpsest.api.user;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.user.InvalidUserException;

/**
 * What a password may be, and new ones when none is given: 18 bytes from {@link SecureRandom} (144 bits), written
 * as 24 URL-safe characters so they survive shells and copy-paste.
 */
public final class Passwords {

    static final int MIN_LENGTH = 12;
    /** BCrypt reads no further than 72 bytes; a longer password would be silently cut. */
    static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The given password when acceptable, a generated one when none was given. */
    static String orGenerated(@Nullable String password) {
        if (password == null) {
            return generate();
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidUserException("password", "a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidUserException("password", "a password may be at most " + MAX_BYTES + " bytes of UTF-8");
        }
        return password;
    }
}
