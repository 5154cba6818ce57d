package org.palimpsest.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.PasswordChecks;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

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

    @Test
    void requestsArrivingTogetherWithTheSamePasswordShareOneSlowCheck() throws Exception {
        String hash = slow.encode(PASSWORD);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder held = new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return slow.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                checks.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return slow.matches(rawPassword, encodedPassword);
            }
        };
        RecentlyVerifiedPasswords shared = new RecentlyVerifiedPasswords(held, ticker);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                answers.add(clients.submit(() -> {
                    threads.add(Thread.currentThread());
                    return shared.matches(PASSWORD, hash);
                }));
            }
            // All four are parked: one in the slow check, the others waiting for it (or, without sharing, in it too).
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (threads.size() < 4 || threads.stream().anyMatch(t -> t.getState() == Thread.State.RUNNABLE)) {
                assertThat(System.nanoTime()).as("the four checks to park").isLessThan(deadline);
                Thread.sleep(10);
            }
            release.countDown();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(checks).hasValue(1);
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
    }
}
