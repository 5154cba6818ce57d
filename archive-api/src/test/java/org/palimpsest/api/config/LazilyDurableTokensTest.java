package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which token writes wait for the disk: the first of each segment, then one per interval, and every claim. */
class LazilyDurableTokensTest {

    private static final Duration EVERY = Duration.ofSeconds(1);

    /** Records what reaches one of the two stores, named by {@code kind}. */
    private static final class RecordingStore implements TokenStore {
        private final String kind;
        private final List<String> writes;

        RecordingStore(String kind, List<String> writes) {
            this.kind = kind;
            this.writes = writes;
        }

        @Override
        public void storeToken(@Nullable TrackingToken token, String processorName, int segment) {
            writes.add(kind + " store " + processorName + "/" + segment);
        }

        @Override
        public @Nullable TrackingToken fetchToken(String processorName, int segment) {
            writes.add(kind + " fetch " + processorName + "/" + segment);
            return null;
        }

        @Override
        public void extendClaim(String processorName, int segment) {
            writes.add(kind + " extend " + processorName + "/" + segment);
        }

        @Override
        public void releaseClaim(String processorName, int segment) {
            writes.add(kind + " release " + processorName + "/" + segment);
        }

        @Override
        public int[] fetchSegments(String processorName) {
            return new int[0];
        }
    }

    private final List<String> writes = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final LazilyDurableTokens tokens = new LazilyDurableTokens(new RecordingStore("durable", writes),
            new RecordingStore("lax", writes), EVERY, now::get);

    @Test
    void aSegmentStoresDurablyOncePerIntervalAndWithoutWaitingInBetween() {
        store("timeline", 2);
        advance(EVERY.minusMillis(1));
        store("timeline", 2);
        advance(Duration.ofMillis(1));
        store("timeline", 2);
        store("timeline", 2);

        assertThat(writes).containsExactly("durable store timeline/2", "lax store timeline/2",
                "durable store timeline/2", "lax store timeline/2");
    }

    @Test
    void eachSegmentIsJudgedOnItsOwn() {
        store("timeline", 0);
        store("timeline", 1);
        store("emails", 0);
        store("timeline", 0);

        assertThat(writes).containsExactly("durable store timeline/0", "durable store timeline/1",
                "durable store emails/0", "lax store timeline/0");
    }

    @Test
    void claimsAlwaysWaitForTheDisk() {
        tokens.fetchToken("annotations", 0);
        tokens.extendClaim("annotations", 0);
        tokens.releaseClaim("annotations", 0);

        assertThat(writes).containsExactly("durable fetch annotations/0", "durable extend annotations/0",
                "durable release annotations/0");
    }

    @Test
    void aSegmentClaimedAgainStartsWithADurableToken() {
        store("annotations", 0);
        tokens.releaseClaim("annotations", 0);
        store("annotations", 0);

        assertThat(writes).containsExactly("durable store annotations/0", "durable release annotations/0",
                "durable store annotations/0");
    }

    private void store(String processor, int segment) {
        tokens.storeToken(new GlobalSequenceTrackingToken(1), processor, segment);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
