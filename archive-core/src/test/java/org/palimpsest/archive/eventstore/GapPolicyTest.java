package org.palimpsest.archive.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class GapPolicyTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final GapPolicy POLICY = new GapPolicy(Duration.ofSeconds(60), 100, Duration.ofMillis(200));

    @Test
    void readsGapsTheirReferenceEventsTheTokenIndexAndTheNextBatch() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, List.of(3L, 4L, 7L));

        assertThat(POLICY.indexesToRead(token, 3)).containsExactly(3L, 4L, 5L, 7L, 8L, 10L, 11L, 12L, 13L);
    }

    @Test
    void deliversFilledGapsFirstThenEventsInGlobalOrder() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, List.of(4L));
        NavigableMap<Long, Instant> found = reservedSecondsAgo(4L, 1, 10L, 1, 11L, 0, 12L, 0);

        assertThat(POLICY.deliverable(token, found, 10, NOW)).containsExactly(4L, 11L, 12L);
    }

    @Test
    void holdsBackEventsBehindAMissingIndexWhileItMayStillBeInFlight() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, List.of());
        NavigableMap<Long, Instant> found = new TreeMap<>();
        found.put(11L, NOW.minusSeconds(5));
        found.put(13L, NOW.minusMillis(50));

        assertThat(POLICY.deliverable(token, found, 10, NOW)).containsExactly(11L);
        assertThat(POLICY.deliverable(token, found, 10, NOW.plusMillis(200))).containsExactly(11L, 13L);
    }

    @Test
    void givesUpMissingGapsBelowAnEventReservedBeforeTheGapTimeout() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(20, List.of(5L, 6L, 15L));
        NavigableMap<Long, Instant> found = reservedSecondsAgo(7L, 61, 16L, 10, 20L, 1);

        assertThat(POLICY.expiredGaps(token, found, NOW)).containsExactly(5L, 6L);
    }

    @Test
    void keepsSkippedIndexesAsGapsOnlyWhileALateCommitIsPossible() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, List.of());

        assertThat(POLICY.advance(token, 13, NOW.minusSeconds(1), NOW).getGaps()).containsExactly(11L, 12L);
        assertThat(POLICY.advance(token, 13, NOW.minusSeconds(61), NOW).getGaps()).isEmpty();
        assertThat(POLICY.advance(token, 500, NOW, NOW).getGaps()).hasSize(100).first().isEqualTo(400L);
    }

    private static NavigableMap<Long, Instant> reservedSecondsAgo(Object... indexAndSeconds) {
        NavigableMap<Long, Instant> reserved = new TreeMap<>();
        for (int i = 0; i < indexAndSeconds.length; i += 2) {
            reserved.put((Long) indexAndSeconds[i], NOW.minusSeconds((Integer) indexAndSeconds[i + 1]));
        }
        return reserved;
    }
}
