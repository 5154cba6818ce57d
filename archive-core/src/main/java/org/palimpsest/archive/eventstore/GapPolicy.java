package org.palimpsest.archive.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a tracking read does about global indexes that were reserved but hold no event (yet): the rules behind
 * {@link SequencedMongoEventStorageEngine}'s tracking reads, free of I/O so they can be tested on their own.
 * <p>
 * Time is judged by each event's {@code reservedAt}, the database time at which its writer reserved its index, not by
 * the event's own timestamp, which Axon sets when the message is created and can be long before the commit. Because
 * indexes are reserved in increasing order, an event reserved at time t proves that every lower index was reserved
 * before t. If such an index is still empty at t + {@code gapTimeout}, its append failed (or is hopelessly late).
 *
 * @param gapTimeout       how long after a later reservation a missing index is still expected to be filled
 * @param maxGapOffset     how far below the newest index a gap is still tracked at all
 * @param maxOrderingDelay how long events are held back while a lower index is missing, so that an append still in
 *                         flight is delivered in global order instead of as a late gap fill
 */
record GapPolicy(Duration gapTimeout, int maxGapOffset, Duration maxOrderingDelay) {

    /**
     * The global indexes one read must look up: the token's gaps, the next {@code batchSize} indexes, and as
     * reference times for the gap timeout the index right after each run of gaps and the token's own index.
     */
    SortedSet<Long> indexesToRead(GapAwareTrackingToken token, int batchSize) {
        SortedSet<Long> gaps = token.getGaps();
        TreeSet<Long> indexes = new TreeSet<>(gaps);
        for (long gap : gaps) {
            if (!gaps.contains(gap + 1)) {
                indexes.add(gap + 1);
            }
        }
        if (token.getIndex() > 0) {
            indexes.add(token.getIndex());
        }
        for (long offset = 1; offset <= batchSize; offset++) {
            indexes.add(token.getIndex() + offset);
        }
        return indexes;
    }

    /**
     * The token's gaps that are still empty and can be given up: those below an event reserved more than
     * {@code gapTimeout} before {@code now}.
     *
     * @param reservedAt the reservation time of every event the read found, by global index
     */
    SortedSet<Long> expiredGaps(GapAwareTrackingToken token, NavigableMap<Long, Instant> reservedAt, Instant now) {
        Instant horizon = now.minus(gapTimeout);
        long newestExpired = reservedAt.entrySet().stream()
                                       .filter(event -> !event.getValue().isAfter(horizon))
                                       .mapToLong(Map.Entry::getKey)
                                       .max()
                                       .orElse(Long.MIN_VALUE);
        TreeSet<Long> expired = new TreeSet<>(token.getGaps().headSet(newestExpired));
        expired.removeAll(reservedAt.keySet());
        return expired;
    }

    /**
     * The global indexes to deliver, in the order to deliver them, at most {@code batchSize}: gaps that have been
     * filled first (they are late already), then the events above the token's index in global order, up to the
     * first missing index that may still be in flight.
     */
    List<Long> deliverable(GapAwareTrackingToken token, NavigableMap<Long, Instant> reservedAt, int batchSize,
                           Instant now) {
        List<Long> deliver = new ArrayList<>();
        for (long gap : token.getGaps()) {
            if (reservedAt.containsKey(gap) && deliver.size() < batchSize) {
                deliver.add(gap);
            }
        }
        Instant holdHorizon = now.minus(maxOrderingDelay);
        long expected = token.getIndex() + 1;
        for (Map.Entry<Long, Instant> event : reservedAt.tailMap(token.getIndex(), false).entrySet()) {
            if (deliver.size() >= batchSize) {
                break;
            }
            boolean followsMissingIndex = event.getKey() != expected;
            if (followsMissingIndex && event.getValue().isAfter(holdHorizon)) {
                // The missing index was reserved just before this event: most likely its insert is a few
                // milliseconds behind. Waiting briefly keeps delivery in global order.
                break;
            }
            deliver.add(event.getKey());
            expected = event.getKey() + 1;
        }
        return deliver;
    }

    /**
     * The token after delivering the event at {@code index}. Indexes skipped on the way become gaps only while a
     * late commit is still possible; an event reserved before the gap timeout proves all lower indexes are done.
     */
    GapAwareTrackingToken advance(GapAwareTrackingToken token, long index, Instant reservedAt, Instant now) {
        boolean lowerIndexesMayStillFill = reservedAt.isAfter(now.minus(gapTimeout));
        return token.advanceTo(index, lowerIndexesMayStillFill ? maxGapOffset : 0);
    }

    /** {@code token} without the given gaps. */
    static GapAwareTrackingToken withoutGaps(GapAwareTrackingToken token, SortedSet<Long> gaps) {
        if (gaps.isEmpty()) {
            return token;
        }
        TreeSet<Long> remaining = new TreeSet<>(token.getGaps());
        remaining.removeAll(gaps);
        return GapAwareTrackingToken.newInstance(token.getIndex(), remaining);
    }
}
