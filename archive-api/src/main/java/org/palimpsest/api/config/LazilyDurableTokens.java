package org.palimpsest.api.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.jspecify.annotations.Nullable;

/**
 * The token store of the embedded store, where a processor's token after a batch is written without waiting for the
 * disk, except once per {@code durableEvery} for each segment. Every token write used to wait for a commit and an
 * fsync, on the thread that projects the segment and before the writes waiting for that batch were told of it; with
 * an import moving every segment of every text projection, that was a dozen commits per import.
 *
 * <p>Nothing that must survive a crash depends on those waits. The embedded store commits only whole operations, in
 * the order they finished (ADR 4), and the views of a batch are written before its token, so after a crash the file
 * holds a token only with the views it covers; a token lost with the crash only makes its processor redo events its
 * views already skip. Every durable write (each command's events, any token written durably) commits the tokens
 * written before it, so redo stays short: at most what a segment projected since its last durable token, a second
 * when busy; an idle segment's claim extensions, which stay durable, commit it within the claim interval.
 *
 * <p>Claims (fetches, extensions, releases) and segment set-up go to the durable store, as before.
 */
final class LazilyDurableTokens implements TokenStore {

    /** How often each segment's token is written durably while the segment keeps storing tokens. */
    static final Duration DURABLE_EVERY = Duration.ofSeconds(1);

    private record Claim(String processor, int segment) {
    }

    private final TokenStore durable;
    private final TokenStore lax;
    private final long durableEveryNanos;
    private final LongSupplier nanoTime;
    private final Map<Claim, Long> durableAt = new ConcurrentHashMap<>();

    /**
     * @param durable the token store whose writes wait for the disk
     * @param lax     the same store (same collection, same node) writing without waiting: {@code j: false}
     */
    LazilyDurableTokens(TokenStore durable, TokenStore lax, Duration durableEvery) {
        this(durable, lax, durableEvery, System::nanoTime);
    }

    LazilyDurableTokens(TokenStore durable, TokenStore lax, Duration durableEvery, LongSupplier nanoTime) {
        this.durable = durable;
        this.lax = lax;
        this.durableEveryNanos = durableEvery.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public void storeToken(@Nullable TrackingToken token, String processorName, int segment) {
        Claim claim = new Claim(processorName, segment);
        Long last = durableAt.get(claim);
        long now = nanoTime.getAsLong();
        if (last != null && now - last < durableEveryNanos) {
            lax.storeToken(token, processorName, segment);
            return;
        }
        durable.storeToken(token, processorName, segment);
        durableAt.put(claim, now);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        durable.extendClaim(processorName, segment);
    }

    @Override
    public @Nullable TrackingToken fetchToken(String processorName, int segment) {
        return durable.fetchToken(processorName, segment);
    }

    @Override
    public @Nullable TrackingToken fetchToken(String processorName, Segment segment) {
        return durable.fetchToken(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        durableAt.remove(new Claim(processorName, segment));
        durable.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        durableAt.remove(new Claim(processorName, segment));
        durable.deleteToken(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        durable.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, @Nullable TrackingToken initialToken) {
        durable.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(@Nullable TrackingToken token, String processorName, int segment) {
        durable.initializeSegment(token, processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return durable.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return durable.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return durable.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return durable.retrieveStorageIdentifier();
    }
}
