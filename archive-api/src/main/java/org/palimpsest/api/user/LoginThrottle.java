package org.palimpsest.api.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.palimpsest.api.PalimpsestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing. Failed sign-ins are counted per account and client, and per client; once either count
 * reaches its threshold within the window, further attempts of that pair (or from that client) are refused until the
 * window that began with the first failure has passed. A success clears its own pair only: the right password for
 * one account must not wipe a client's record of guessing at others. Nothing is refused to other clients or other
 * accounts, so guessing at {@code admin} cannot lock the real administrator out.
 */
public final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Above this many remembered keys, expired ones are swept so a flood of made-up names cannot grow memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Failures(Instant since, int count) {
    }

    private final Clock clock;
    private final Duration window;
    private final int perPair;
    private final int perClient;
    private final ConcurrentMap<String, Failures> pairs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Failures> clients = new ConcurrentHashMap<>();

    public LoginThrottle(PalimpsestProperties.LoginThrottle settings, Clock clock) {
        this.clock = clock;
        this.window = settings.windowOrDefault();
        this.perPair = settings.perAccountAndClientOrDefault();
        this.perClient = settings.perClientOrDefault();
    }

    /** How long this account must wait before signing in from this client; empty when it may try now. */
    public Optional<Duration> refusal(String account, String client) {
        Instant now = clock.instant();
        Duration wait = max(remaining(clients.get(client), perClient, now), remaining(pairs.get(pair(account, client)), perPair, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String account, String client) {
        Instant now = clock.instant();
        Failures pair = pairs.merge(pair(account, client), new Failures(now, 1), (old, one) -> add(old, now));
        Failures fromClient = clients.merge(client, new Failures(now, 1), (old, one) -> add(old, now));
        if (pair.count() == perPair) {
            log.warn("sign-in throttled: {} failed sign-ins for account '{}' from {} within {}; that account is refused "
                            + "from that client until {} (palimpsest.security.login-throttle.*)",
                    pair.count(), printable(account), client, window, pair.since().plus(window));
        }
        if (fromClient.count() == perClient) {
            log.warn("sign-in throttled: {} failed sign-ins from {} within {} (last for account '{}'); every sign-in from "
                            + "that client is refused until {} — block it upstream if it goes on",
                    fromClient.count(), client, window, printable(account), fromClient.since().plus(window));
        }
        if (pairs.size() + clients.size() > SWEEP_ABOVE) {
            pairs.values().removeIf(f -> expired(f, now));
            clients.values().removeIf(f -> expired(f, now));
        }
    }

    public void succeeded(String account, String client) {
        pairs.remove(pair(account, client));
    }

    private Failures add(Failures old, Instant now) {
        return expired(old, now) ? new Failures(now, 1) : new Failures(old.since(), old.count() + 1);
    }

    private boolean expired(Failures failures, Instant now) {
        return !now.isBefore(failures.since().plus(window));
    }

    private Duration remaining(Failures failures, int threshold, Instant now) {
        if (failures == null || failures.count() < threshold || expired(failures, now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.since().plus(window));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String pair(String account, String client) {
        return account + "\u0000" + client;
    }

    /** Account names come from the request: no line breaks or control characters into the log, and not too long. */
    static String printable(String account) {
        String clean = account.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
