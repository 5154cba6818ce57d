package org.palimpsest.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.MongoUnderTest;
import org.palimpsest.archive.user.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Password guessing is slowed per account and client and per client, without costing anyone else: requests come
 * from distinct loopback addresses (127.0.0.x) so the server really sees different clients, and the throttle's
 * clock is moved instead of waiting out the window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {org.palimpsest.api.PalimpsestApplication.class, LoginThrottleTest.Clocks.class},
        properties = {"palimpsest.samples=false", "palimpsest.security.demo=true",
                "palimpsest.data-dir=target/throttle-data", "palimpsest.security.login-throttle.window=10m",
                "palimpsest.security.login-throttle.per-account-and-client=5", "palimpsest.security.login-throttle.per-client=20"})
@DirtiesContext
class LoginThrottleTest {

    private static final String GUESSER = "127.0.0.1";
    private static final String OWNER = "127.0.0.2";
    private static final String SPRAYER = "127.0.0.3";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MovableClock clock;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoUnderTest.get().uri("palimpsest_throttle"));
    }

    @Test
    void thirtyWrongPasswordsAreRefusedWithRetryAfterWhileOtherClientsAndAccountsSignInUntilTheWindowPasses() throws IOException {
        String password = "right-" + Passwords.generate();
        accounts.add("mara", Set.of(Role.EDITOR), password, "test");

        int unauthorized = 0;
        int throttled = 0;
        Answer last = null;
        for (int i = 0; i < 30; i++) {
            last = get(GUESSER, "mara", "wrong-" + i);
            if (last.status() == 401) {
                unauthorized++;
            } else if (last.status() == 429) {
                throttled++;
            }
        }
        assertThat(unauthorized).isEqualTo(5);
        assertThat(throttled).isEqualTo(25);
        assertThat(last.header("retry-after")).isNotNull();
        assertThat(Long.parseLong(last.header("retry-after"))).isBetween(1L, 600L);
        assertThat(last.header("content-type")).startsWith("application/problem+json");
        assertThat(last.body()).contains("\"status\":429").doesNotContain("wrong-");

        // Even the right password waits on the guessing client ...
        assertThat(get(GUESSER, "mara", password).status()).isEqualTo(429);
        // ... but not on the owner's, nor for another account on the guessing client.
        assertThat(get(OWNER, "mara", password).status()).isEqualTo(200);
        assertThat(get(GUESSER, "editor", "editor").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(get(GUESSER, "mara", password).status()).isEqualTo(200);
        assertThat(get(GUESSER, "mara", "wrong-again").status()).isEqualTo(401);
    }

    @Test
    void aClientGuessingAtManyAccountsIsRefusedForAllOfThemButNobodyElseIs() throws IOException {
        for (int i = 0; i < 20; i++) {
            assertThat(get(SPRAYER, "nobody-" + i, "guess").status()).isEqualTo(401);
        }
        Answer refused = get(SPRAYER, "auditor", "auditor");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("retry-after")).isNotNull();
        assertThat(get(OWNER, "auditor", "auditor").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(get(SPRAYER, "auditor", "auditor").status()).isEqualTo(200);
    }

    /** A signed-in GET of the document list sent from {@code client}, over a socket bound to that loopback address. */
    private Answer get(String client, String name, String password) throws IOException {
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(client, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/documents?size=1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return Answer.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The status line, headers and body of a raw HTTP/1.1 answer. */
    private record Answer(int status, String head, String body) {

        static Answer parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** The system clock, moved forward on demand. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void advance(Duration duration) {
            offset.accumulateAndGet(duration, Duration::plus);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean("loginThrottleClock")
        MovableClock loginThrottleClock() {
            return new MovableClock();
        }
    }
}
