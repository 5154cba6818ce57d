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
 * The token store, less the claim extensions that repeat what the last write did a moment ago. Axon's tracking
 * processor extends its claim whenever it found no event of its own during a wait, which after a busy batch is often at
 * once; and each extension is a durable write, on the one thread that projects its segment. A stored token, a claimed
 * fetch or an extension refreshes the claim just as well, so an extension asked for within {@code refreshedWithin}
 * of one of those is left out. The claim then stays fresh to within that interval plus a processor's wait for events,
 * far inside the claim timeout; a claim another node took over is still noticed, at the next token stored or the next
 * extension sent.
 */
final class SparingClaimExtensions implements TokenStore {

    private record Claim(String processor, int segment) {
    }

    private final TokenStore store;
    private final long refreshedWithinNanos;
    private final LongSupplier nanoTime;
    private final Map<Claim, Long> refreshedAt = new ConcurrentHashMap<>();

    SparingClaimExtensions(TokenStore store, Duration refreshedWithin) {
        this(store, refreshedWithin, System::nanoTime);
    }

    SparingClaimExtensions(TokenStore store, Duration refreshedWithin, LongSupplier nanoTime) {
        this.store = store;
        this.refreshedWithinNanos = refreshedWithin.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        Claim claim = new Claim(processorName, segment);
        Long last = refreshedAt.get(claim);
        long now = nanoTime.getAsLong();
        if (last != null && now - last < refreshedWithinNanos) {
            return;
        }
        store.extendClaim(processorName, segment);
        refreshedAt.put(claim, now);
    }

    @Override
    public void storeToken(@Nullable TrackingToken token, String processorName, int segment) {
        long now = nanoTime.getAsLong();
        store.storeToken(token, processorName, segment);
        refreshedAt.put(new Claim(processorName, segment), now);
    }

    @Override
    public @Nullable TrackingToken fetchToken(String processorName, int segment) {
        long now = nanoTime.getAsLong();
        TrackingToken token = store.fetchToken(processorName, segment);
        refreshedAt.put(new Claim(processorName, segment), now);
        return token;
    }

    @Override
    public @Nullable TrackingToken fetchToken(String processorName, Segment segment) {
        long now = nanoTime.getAsLong();
        TrackingToken token = store.fetchToken(processorName, segment);
        refreshedAt.put(new Claim(processorName, segment.getSegmentId()), now);
        return token;
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        refreshedAt.remove(new Claim(processorName, segment));
        store.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        refreshedAt.remove(new Claim(processorName, segment));
        store.deleteToken(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, @Nullable TrackingToken initialToken) {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(@Nullable TrackingToken token, String processorName, int segment) {
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return store.retrieveStorageIdentifier();
    }
}
