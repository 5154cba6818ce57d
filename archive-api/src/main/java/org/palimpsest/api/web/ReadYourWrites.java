package org.palimpsest.api.web;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.jspecify.annotations.Nullable;

/**
 * Lets a client read what it has just written. Projections are asynchronous, so after a command the API waits, up to
 * the configured read timeout, until the projections the write affects have processed the write's own event, and
 * then answers from them. Each call site names those projections: an annotation waits for the annotation projection
 * only, never for the timeline analysing someone else's import. Waiting for the write's own position rather than the
 * head of the stream keeps concurrent writers from waiting for each other's events.
 *
 * <p>Processors may be split into segments claimed by several nodes. A node's processors report only the segments it
 * claims; where those do not cover the whole stream, where the others stand is read from the token store, which holds
 * every segment of the group whoever claims it (a node stores its token after each batch it has projected). Every
 * segment must have passed the position: a tracking processor's segments all read the whole stream, each keeping the
 * events that belong to it.
 *
 * <p>This node's processors say when they move on ({@link ProjectionProgress}), and a waiting write looks again at
 * once; only the progress of other nodes, which only the token store knows, is polled.
 */
public class ReadYourWrites {

    /** Where writes land in the event stream. */
    public interface Stream {

        /** The position of the last event stored now, or empty while the stream is empty. */
        OptionalLong head();

        /** The position of the last event of the aggregate, or empty when it has none. */
        OptionalLong lastEventOf(String aggregateId);
    }

    /** Where the segments of the projections' processors stand. */
    public interface Trackers {

        /**
         * The segments of {@code group}'s streaming processor that this node runs, each with its current token (null
         * before its first); empty when this node has no streaming processor of that name.
         */
        Optional<Map<Segment, @Nullable TrackingToken>> claimedHere(String group);

        /** Every segment of {@code group} in the token store, whoever claims it, with its stored token. */
        Map<Integer, @Nullable TrackingToken> stored(String group);
    }

    /** How often a waiting write looks again without being told: for the segments that other nodes project. */
    public static final Duration RECHECK = Duration.ofMillis(10);

    private final Stream stream;
    private final Trackers trackers;
    private final Supplier<? extends Collection<String>> allGroups;
    private final Duration timeout;
    private final ProjectionProgress progress;
    private final Duration recheck;

    /**
     * @param allGroups what {@link #await()} waits for: the processing groups a client may read from after a command
     *                  whose effects are not named (command-line tools)
     * @param progress  where this node's processors report that they moved on
     * @param recheck   how long a write waits, unless told of progress, before it looks again
     */
    public ReadYourWrites(Stream stream, Trackers trackers, Supplier<? extends Collection<String>> allGroups,
                          Duration timeout, ProjectionProgress progress, Duration recheck) {
        this.stream = stream;
        this.trackers = trackers;
        this.allGroups = allGroups;
        this.timeout = timeout;
        this.progress = progress;
        this.recheck = recheck;
    }

    /**
     * Waits until the projections of {@code views} reflect every event of {@code aggregateId} (the document or
     * annotation a command changed) written so far: the write just made to it, and any later one.
     *
     * @return false when the timeout passed first; the answer should then say the view may lag
     */
    public boolean awaitAggregate(String aggregateId, AffectedViews views) {
        return awaitAggregate(aggregateId, views.processingGroups().toArray(String[]::new));
    }

    /** {@link #awaitAggregate(String, AffectedViews)} for processing groups named one by one. */
    public boolean awaitAggregate(String aggregateId, String... processingGroups) {
        OptionalLong position = stream.lastEventOf(aggregateId);
        return position.isEmpty() || awaitPosition(position.getAsLong(), processingGroups);
    }

    /**
     * Waits until the named processing groups have processed the head of the stream as it is now: for a write whose
     * own position is not known (a user account, whose events are not an aggregate's).
     */
    public boolean await(String... processingGroups) {
        OptionalLong head = stream.head();
        return head.isEmpty() || awaitPosition(head.getAsLong(), processingGroups.length == 0
                ? allGroups.get().toArray(String[]::new) : processingGroups);
    }

    private boolean awaitPosition(long position, String... processingGroups) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : processingGroups) {
            long seen = progress.moves();
            while (!reached(group, position)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.awaitMoveAfter(seen, recheck.compareTo(Duration.ofNanos(left)) < 0 ? recheck : Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                seen = progress.moves();
            }
        }
        return true;
    }

    /** Whether every segment of {@code group}, here or on another node, has processed the event at {@code position}. */
    boolean reached(String group, long position) {
        Optional<Map<Segment, @Nullable TrackingToken>> local = trackers.claimedHere(group);
        if (local.isEmpty()) {
            // Not a streaming processor here (subscribing, in a test): it handles each event as it is published.
            return true;
        }
        Map<Segment, @Nullable TrackingToken> here = local.get();
        if (coverWholeStream(here.keySet())) {
            return here.values().stream().allMatch(token -> passed(token, position));
        }
        Map<Integer, @Nullable TrackingToken> segments = new HashMap<>(trackers.stored(group));
        // This node's own view of its segments is fresher than what it last stored.
        here.forEach((segment, token) -> segments.put(segment.getSegmentId(), token));
        return !segments.isEmpty() && segments.values().stream().allMatch(token -> passed(token, position));
    }

    /** Segment {@code id} with mask {@code m} is a 1/(m+1) share of the stream; together the shares must make one. */
    private static boolean coverWholeStream(Set<Segment> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        long finest = segments.stream().mapToLong(s -> (long) s.getMask() + 1).max().getAsLong();
        return segments.stream().mapToLong(s -> finest / ((long) s.getMask() + 1)).sum() == finest;
    }

    /**
     * Whether {@code token} has processed the event at {@code position}: it is at or past it, and the event is not
     * among the gaps it will still deliver (an append that was in flight when the processor read past it).
     */
    static boolean passed(@Nullable TrackingToken token, long position) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }
}
