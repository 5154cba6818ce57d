package org.palimpsest.api.web;

import java.time.Duration;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;

/**
 * Tells writes waiting in {@link ReadYourWrites} that a projection on this node has moved on, so they look again at
 * once instead of at their next poll. Every streaming processor reports here each time one of its segments advances,
 * after the batch that advanced it has been committed (views and token both).
 */
public final class ProjectionProgress implements EventTrackerStatusChangeListener {

    private final Object moves = new Object();
    /** Counts the moves, so a waiter that looked before a move does not then sleep through it. */
    private long count;

    @Override
    public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> updatedTrackerStatus) {
        synchronized (moves) {
            count++;
            moves.notifyAll();
        }
    }

    /** Positions count: without this Axon reports only changes of state (caught up, replaying, failed). */
    @Override
    public boolean validatePositions() {
        return true;
    }

    /** How many moves there have been; pass it to {@link #awaitMoveAfter} after looking at the processors. */
    long moves() {
        synchronized (moves) {
            return count;
        }
    }

    /** Waits until there has been a move since {@code seen}, or at most {@code atMost}. */
    void awaitMoveAfter(long seen, Duration atMost) throws InterruptedException {
        long millis = Math.max(1, atMost.toMillis());
        synchronized (moves) {
            if (count == seen) {
                moves.wait(millis);
            }
        }
    }
}
