package org.palimpsest.api.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.palimpsest.api.PalimpsestProperties;
import org.jspecify.annotations.Nullable;
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

    /**
     * Admits a sign-in attempt, or says how long this account must wait before signing in from this client. An
     * admitted attempt counts as a failure at once, so parallel guesses cannot all pass before the first one's
     * password check has finished; {@link #succeeded} and {@link #released} take it back.
     */
    public Optional<Duration> admit(String account, String client) {
        Instant now = clock.instant();
        Duration[] wait = {Duration.ZERO};
        clients.compute(client, (key, old) -> countUnlessBlocked(old, perClient, now, wait));
        if (!wait[0].isZero()) {
            return Optional.of(wait[0]);
        }
        pairs.compute(pair(account, client), (key, old) -> countUnlessBlocked(old, perPair, now, wait));
        if (!wait[0].isZero()) {
            uncount(clients, client);
            return Optional.of(wait[0]);
        }
        sweep(now);
        return Optional.empty();
    }

    /** A wrong name or password: the admitted attempt stays counted. */
    public void failed(String account, String client) {
        Failures pair = pairs.get(pair(account, client));
        Failures fromClient = clients.get(client);
        if (pair != null && pair.count() == perPair) {
            log.warn("sign-in throttled: {} failed sign-ins for account '{}' from {} within {}; that account is refused "
                            + "from that client until {} (palimpsest.security.login-throttle.*)",
                    pair.count(), printable(account), client, window, pair.since().plus(window));
        }
        if (fromClient != null && fromClient.count() == perClient) {
            log.warn("sign-in throttled: {} failed sign-ins from {} within {} (last for account '{}'); every sign-in from "
                            + "that client is refused until {} — block it upstream if it goes on",
                    fromClient.count(), client, window, printable(account), fromClient.since().plus(window));
        }
    }

    /** The right password: this pair starts afresh, and the client's count loses this attempt. */
    public void succeeded(String account, String client) {
        pairs.remove(pair(account, client));
        uncount(clients, client);
    }

    /** An attempt that failed for a reason other than the client's guess (the store was down): not counted. */
    public void released(String account, String client) {
        uncount(pairs, pair(account, client));
        uncount(clients, client);
    }

    private @Nullable Failures countUnlessBlocked(@Nullable Failures old, int threshold, Instant now, Duration[] wait) {
        Duration remaining = remaining(old, threshold, now);
        if (!remaining.isZero()) {
            wait[0] = remaining;
            return old;
        }
        return old == null ? new Failures(now, 1) : add(old, now);
    }

    private static void uncount(ConcurrentMap<String, Failures> counts, String key) {
        counts.computeIfPresent(key, (k, old) -> old.count() <= 1 ? null : new Failures(old.since(), old.count() - 1));
    }

    private void sweep(Instant now) {
        if (pairs.size() + clients.size() > SWEEP_ABOVE) {
            pairs.values().removeIf(f -> expired(f, now));
            clients.values().removeIf(f -> expired(f, now));
        }
    }

    private Failures add(Failures old, Instant now) {
        return expired(old, now) ? new Failures(now, 1) : new Failures(old.since(), old.count() + 1);
    }

    private boolean expired(Failures failures, Instant now) {
        return !now.isBefore(failures.since().plus(window));
    }

    private Duration remaining(@Nullable Failures failures, int threshold, Instant now) {
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
