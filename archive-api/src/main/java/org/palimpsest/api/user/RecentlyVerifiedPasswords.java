package org.palimpsest.api.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a few minutes that a password matched a stored hash, so that a client signing every request with
 * HTTP Basic pays the deliberately slow hash (BCrypt, about 70 ms of CPU) on its first request rather than on each:
 * on two cores that hash alone held signed-in requests below 30 a second.
 *
 * <p>What is remembered is an HMAC-SHA-256 of the stored hash and the password together, under a random key that
 * exists only in this process's memory; never the password, and never a refusal. Sign-in reads the stored hash afresh
 * on every request and the hash is part of what is remembered, so a new password, set on this node, another one or
 * the command line, makes the old one fail at once (a new hash has a new salt, even for the same password). Roles are
 * not remembered here at all: they are read from the user directory on every request. A wrong password always goes to
 * the slow hash, so guessing costs what it did and the login throttle sees every failure as before.
 *
 * <p>Requests that arrive together with the same account and password (a client opening several connections at once)
 * share one slow check: the first runs it, the others wait for its answer instead of each spending a core on the same
 * hash. A concurrent identical wrong guess gets the same refusal, and each request is still refused and counted.
 */
public final class RecentlyVerifiedPasswords implements PasswordEncoder {

    /** How long a verified password is trusted before the slow hash is asked again: how long its digest stays in memory. */
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    /** Accounts × passwords remembered at once; beyond this the least recently used are forgotten. */
    static final long MOST_REMEMBERED = 10_000;
    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder slow;
    private final SecretKeySpec key;
    private final Cache<String, Boolean> verified;

    public RecentlyVerifiedPasswords(PasswordEncoder slow) {
        this(slow, Ticker.systemTicker());
    }

    RecentlyVerifiedPasswords(PasswordEncoder slow, Ticker ticker) {
        this.slow = slow;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.verified = Caffeine.newBuilder().maximumSize(MOST_REMEMBERED).expireAfterWrite(REMEMBERED_FOR)
                .ticker(ticker).build();
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return slow.encode(rawPassword);
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return slow.matches(rawPassword, encodedPassword);
        }
        String digest = digest(rawPassword, encodedPassword);
        // Nothing is kept for a refusal: the mapping's null leaves the digest unknown.
        return verified.get(digest, d -> slow.matches(rawPassword, encodedPassword) ? Boolean.TRUE : null) != null;
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return slow.upgradeEncoding(encodedPassword);
    }

    /** The stored hash's length first, so no hash and password can be cut apart into another pair with the same bytes. */
    private String digest(CharSequence rawPassword, String encodedPassword) {
        byte[] hash = encodedPassword.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(hash.length).array());
            mac.update(hash);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            // Every Java runtime must provide HmacSHA256.
            throw new IllegalStateException(HMAC + " unavailable", e);
        }
    }
}
