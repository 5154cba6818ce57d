package org.palimpsest.api.web;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
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
 * <p>Processors may be split into segments claimed by several nodes, each segment projecting the events of the
 * aggregates whose sequence it holds. A write to an aggregate waits only for the segment that holds that aggregate: the
 * others never write its views, and waiting for them too would make each import wait for the analysis of every other
 * client's import that came before it. A node's processors report only the segments it claims; when none of them holds
 * the aggregate, where the holder stands is read from the token store, which keeps every segment of the group whoever
 * claims it (a node stores its token after each batch it has projected). A write whose aggregate is not known (the head
 * of the stream) waits for every segment.
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

        /** The position of the aggregate's event with this sequence number, or empty when there is none. */
        OptionalLong positionOf(String aggregateId, long sequenceNumber);
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

        /**
         * Whether {@code segment} of {@code group} is the one that projects the events of {@code aggregateId}; true
         * for every segment when the group does not divide its events by aggregate.
         */
        boolean holdsEventsOf(String group, Segment segment, String aggregateId);
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

    /**
     * Waits until the projections of {@code views} reflect the aggregate's event with this sequence number, the one
     * the write made, and every event before it: for a write that knows which event it made, found with one lookup
     * instead of a search for the aggregate's last event.
     *
     * @return false when the timeout passed first; the answer should then say the view may lag
     */
    public boolean awaitEvent(String aggregateId, long sequenceNumber, AffectedViews views) {
        OptionalLong position = stream.positionOf(aggregateId, sequenceNumber);
        String[] groups = views.processingGroups().toArray(String[]::new);
        // Not stored (the write was undone by a failed append): wait for whatever the aggregate holds.
        return position.isPresent() ? awaitPosition(position.getAsLong(), aggregateId, groups)
                : awaitAggregate(aggregateId, groups);
    }

    /** {@link #awaitAggregate(String, AffectedViews)} for processing groups named one by one. */
    public boolean awaitAggregate(String aggregateId, String... processingGroups) {
        OptionalLong position = stream.lastEventOf(aggregateId);
        return position.isEmpty() || awaitPosition(position.getAsLong(), aggregateId, processingGroups);
    }

    /**
     * Waits until the named processing groups have processed the head of the stream as it is now: for a write whose
     * own position is not known (a user account, whose events are not an aggregate's).
     */
    public boolean await(String... processingGroups) {
        OptionalLong head = stream.head();
        return head.isEmpty() || awaitPosition(head.getAsLong(), null, processingGroups.length == 0
                ? allGroups.get().toArray(String[]::new) : processingGroups);
    }

    /** @param aggregateId whose segments must have passed the position; null for all segments */
    private boolean awaitPosition(long position, @Nullable String aggregateId, String... processingGroups) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : processingGroups) {
            long seen = progress.moves();
            while (!reached(group, position, aggregateId)) {
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

    /**
     * Whether the segments of {@code group} that hold {@code aggregateId} (all of them for a null one), here or on
     * another node, have processed the event at {@code position}.
     */
    boolean reached(String group, long position, @Nullable String aggregateId) {
        Optional<Map<Segment, @Nullable TrackingToken>> local = trackers.claimedHere(group);
        if (local.isEmpty()) {
            // Not a streaming processor here (subscribing, in a test): it handles each event as it is published.
            return true;
        }
        Predicate<Segment> holding = aggregateId == null ? segment -> true
                : segment -> trackers.holdsEventsOf(group, segment, aggregateId);
        Map<Segment, @Nullable TrackingToken> here = local.get();
        // Segments divide the stream without overlap: one held here that holds the aggregate is the only one that does.
        boolean enoughHere = aggregateId == null ? coverWholeStream(here.keySet()) : here.keySet().stream().anyMatch(holding);
        if (enoughHere) {
            return allPassed(here, holding, position);
        }
        Map<Integer, @Nullable TrackingToken> stored = trackers.stored(group);
        int[] ids = stored.keySet().stream().mapToInt(Integer::intValue).toArray();
        Map<Segment, @Nullable TrackingToken> segments = new HashMap<>();
        stored.forEach((id, token) -> segments.put(Segment.computeSegment(id, ids), token));
        // This node's own view of its segments is fresher than what it last stored.
        segments.keySet().removeIf(segment -> here.keySet().stream().anyMatch(s -> s.getSegmentId() == segment.getSegmentId()));
        segments.putAll(here);
        return allPassed(segments, holding, position);
    }

    /** False when no segment is held: a group with no segment anywhere has processed nothing. */
    private static boolean allPassed(Map<Segment, @Nullable TrackingToken> segments, Predicate<Segment> holding,
                                     long position) {
        List<@Nullable TrackingToken> tokens = segments.entrySet().stream().filter(e -> holding.test(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> passed(token, position));
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
