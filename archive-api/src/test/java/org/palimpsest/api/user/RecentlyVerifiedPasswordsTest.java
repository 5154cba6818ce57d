package org.palimpsest.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.PasswordChecks;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The slow hash is asked once per password and stored hash, never trusted for a wrong password or a new hash. */
class RecentlyVerifiedPasswordsTest {

    private static final String PASSWORD = "a-password-long-enough";

    /** The application's real encoder (BCrypt), counting how often it is asked to check a password. */
    private final PasswordChecks slow = new PasswordChecks(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final RecentlyVerifiedPasswords passwords = new RecentlyVerifiedPasswords(slow, ticker);

    @Test
    void aVerifiedPasswordIsNotHashedAgain() {
        String hash = passwords.encode(PASSWORD);
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(slow.count()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsHashedEveryTimeAndNeverPasses() {
        String hash = passwords.encode(PASSWORD);
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(passwords.matches(PASSWORD + "x", hash)).isFalse();
        assertThat(passwords.matches(PASSWORD + "x", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
        assertThat(slow.count()).isEqualTo(4);
    }

    @Test
    void aNewHashMakesTheOldPasswordFailAtOnceEvenWhenItIsTheSamePassword() {
        String old = passwords.encode(PASSWORD);
        assertThat(passwords.matches(PASSWORD, old)).isTrue();
        String changed = passwords.encode("another-password-entirely");
        assertThat(passwords.matches(PASSWORD, changed)).isFalse();
        assertThat(passwords.matches("another-password-entirely", changed)).isTrue();
        // Set again to the same password: a new salt, a new hash, checked afresh.
        String again = passwords.encode(PASSWORD);
        assertThat(passwords.matches(PASSWORD, again)).isTrue();
        assertThat(slow.count()).isEqualTo(4);
    }

    @Test
    void aPasswordIsCheckedAgainOnceItsTimeIsUp() {
        String hash = passwords.encode(PASSWORD);
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        nanos.addAndGet(RecentlyVerifiedPasswords.REMEMBERED_FOR.minus(Duration.ofSeconds(1)).toNanos());
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(slow.count()).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(slow.count()).isEqualTo(2);
    }
}
