package org.palimpsest.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.palimpsest.archive.eventstore.MovableClock;
import org.palimpsest.archive.user.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Password guessing is slowed per account and client and per client, without costing anyone else: requests come
 * from distinct loopback addresses (127.0.0.x) so the server really sees different clients, and the throttle's
 * clock is moved instead of waiting out the window.
 */
class LoginThrottleTest extends ArchiveIntegrationTest {

    /** Defaults: 5 failures per account and client, 20 per client, within 15 minutes. */
    private static final Duration WINDOW = Duration.ofMinutes(15);
    // Not 127.0.0.1, which the rest of the suite signs in from.
    private static final String GUESSER = "127.0.0.4";
    private static final String OWNER = "127.0.0.2";
    private static final String SPRAYER = "127.0.0.3";

    @Autowired
    Accounts accounts;
    @Autowired
    MovableClock clock;

    @Test
    void thirtyWrongPasswordsAreRefusedWithRetryAfterWhileOtherClientsAndAccountsSignInUntilTheWindowPasses() throws IOException {
        String password = "right-" + Passwords.generate();
        String mara = "mara-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.add(mara, Set.of(Role.EDITOR), password, "test");

        int unauthorized = 0;
        int throttled = 0;
        Answer last = null;
        for (int i = 0; i < 30; i++) {
            last = get(GUESSER, mara, "wrong-" + i);
            if (last.status() == 401) {
                unauthorized++;
            } else if (last.status() == 429) {
                throttled++;
            }
        }
        assertThat(unauthorized).isEqualTo(5);
        assertThat(throttled).isEqualTo(25);
        assertThat(last.header("retry-after")).isNotNull();
        assertThat(Long.parseLong(last.header("retry-after"))).isBetween(1L, WINDOW.toSeconds());
        assertThat(last.header("content-type")).startsWith("application/problem+json");
        assertThat(last.body()).contains("\"status\":429").doesNotContain("wrong-");

        // Even the right password waits on the guessing client ...
        assertThat(get(GUESSER, mara, password).status()).isEqualTo(429);
        // ... but not on the owner's, nor for another account on the guessing client.
        assertThat(get(OWNER, mara, password).status()).isEqualTo(200);
        assertThat(get(GUESSER, "editor", "editor").status()).isEqualTo(200);

        clock.advance(WINDOW.plusSeconds(1));
        assertThat(get(GUESSER, mara, password).status()).isEqualTo(200);
        assertThat(get(GUESSER, mara, "wrong-again").status()).isEqualTo(401);
    }

    @Test
    void aClientGuessingAtManyAccountsIsRefusedForAllOfThemButNobodyElseIs() throws IOException {
        for (int i = 0; i < 20; i++) {
            assertThat(get(SPRAYER, "nobody-" + i + "-" + UUID.randomUUID().toString().substring(0, 4), "guess").status()).isEqualTo(401);
        }
        Answer refused = get(SPRAYER, "auditor", "auditor");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("retry-after")).isNotNull();
        assertThat(get(OWNER, "auditor", "auditor").status()).isEqualTo(200);
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(get(SPRAYER, "auditor", "auditor").status()).isEqualTo(200);
    }

    @Test
    void everySpellingOfTheBasicSchemeThatReachesThePasswordCheckIsCounted() throws IOException {
        String mara = "mara-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.add(mara, Set.of(Role.READER), "right-" + Passwords.generate(), "test");
        int unauthorized = 0;
        int throttled = 0;
        for (int i = 0; i < 12; i++) {
            int status = get("127.0.0.5", mara, "wrong-" + i, i % 2 == 0 ? "BasicX" : "basic\t").status();
            unauthorized += status == 401 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(unauthorized).isEqualTo(5);
        assertThat(throttled).isEqualTo(7);
    }

    /** A signed-in GET of the document list sent from {@code client}, over a socket bound to that loopback address. */
    private Answer get(String client, String name, String password) throws IOException {
        return get(client, name, password, "Basic ");
    }

    /** The same, with the scheme spelled as given: the Basic filter accepts more than {@code "Basic "}. */
    private Answer get(String client, String name, String password, String scheme) throws IOException {
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(client, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/documents?size=1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + scheme + basic
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
}
