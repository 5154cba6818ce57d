package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Claim extensions reach the store only when the claim was not refreshed within the interval. */
class SparingClaimExtensionsTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    /** Records what reaches the store; refuses extensions while {@code stolen}. */
    private static final class RecordingStore implements TokenStore {
        final List<String> writes = new ArrayList<>();
        boolean stolen;

        @Override
        public void storeToken(@Nullable TrackingToken token, String processorName, int segment) {
            writes.add("store " + processorName + "/" + segment);
        }

        @Override
        public @Nullable TrackingToken fetchToken(String processorName, int segment) {
            writes.add("fetch " + processorName + "/" + segment);
            return null;
        }

        @Override
        public void extendClaim(String processorName, int segment) {
            if (stolen) {
                throw new UnableToClaimTokenException("claimed by another node");
            }
            writes.add("extend " + processorName + "/" + segment);
        }

        @Override
        public void releaseClaim(String processorName, int segment) {
            writes.add("release " + processorName + "/" + segment);
        }

        @Override
        public int[] fetchSegments(String processorName) {
            return new int[0];
        }
    }

    private final RecordingStore store = new RecordingStore();
    private final AtomicLong now = new AtomicLong();
    private final SparingClaimExtensions tokens = new SparingClaimExtensions(store, INTERVAL, now::get);

    @Test
    void anExtensionRightAfterAStoredTokenIsLeftOutUntilTheIntervalHasPassed() {
        tokens.storeToken(new GlobalSequenceTrackingToken(5), "annotations", 0);
        tokens.extendClaim("annotations", 0);
        advance(INTERVAL.minusMillis(1));
        tokens.extendClaim("annotations", 0);
        assertThat(store.writes).containsExactly("store annotations/0");

        advance(Duration.ofMillis(1));
        tokens.extendClaim("annotations", 0);
        tokens.extendClaim("annotations", 0);
        assertThat(store.writes).containsExactly("store annotations/0", "extend annotations/0");
    }

    @Test
    void eachClaimIsJudgedOnItsOwn() {
        tokens.fetchToken("timeline", 1);
        tokens.extendClaim("timeline", 1);
        tokens.extendClaim("timeline", 2);
        tokens.extendClaim("emails", 1);
        assertThat(store.writes).containsExactly("fetch timeline/1", "extend timeline/2", "extend emails/1");
    }

    @Test
    void aReleasedClaimIsExtendedAgainOnlyThroughTheStore() {
        tokens.storeToken(new GlobalSequenceTrackingToken(1), "timeline", 0);
        tokens.releaseClaim("timeline", 0);
        tokens.extendClaim("timeline", 0);
        assertThat(store.writes).containsExactly("store timeline/0", "release timeline/0", "extend timeline/0");
    }

    @Test
    void aClaimTakenByAnotherNodeIsNoticedAtTheFirstExtensionSent() {
        tokens.storeToken(new GlobalSequenceTrackingToken(1), "timeline", 0);
        store.stolen = true;
        tokens.extendClaim("timeline", 0);
        advance(INTERVAL);
        assertThatThrownBy(() -> tokens.extendClaim("timeline", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> tokens.extendClaim("timeline", 0)).as("a refused extension refreshes nothing")
                .isInstanceOf(UnableToClaimTokenException.class);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
