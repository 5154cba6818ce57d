package org.palimpsest.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes against fake processors and a fake token store: which groups it waits for, which position, and
 * segments this node does not claim.
 */
class ReadYourWritesTest {

    private static final Duration SHORT = Duration.ofMillis(150);
    private static final Segment WHOLE = Segment.ROOT_SEGMENT;
    private static final Segment FIRST_OF_TWO = Segment.ROOT_SEGMENT.split()[0];
    private static final Segment SECOND_OF_TWO = Segment.ROOT_SEGMENT.split()[1];

    private final FakeStream stream = new FakeStream();
    private final FakeTrackers trackers = new FakeTrackers();
    private final ProjectionProgress progress = new ProjectionProgress();

    private ReadYourWrites reads(Duration timeout) {
        return new ReadYourWrites(stream, trackers, trackers.local::keySet, timeout, progress, ReadYourWrites.RECHECK);
    }

    /** Looks again only when told: a write answered within the test's limit was woken by the processor's report. */
    private ReadYourWrites toldOnly() {
        return new ReadYourWrites(stream, trackers, trackers.local::keySet, Duration.ofHours(1), progress,
                Duration.ofHours(1));
    }

    @Test
    void aWriteWaitsOnlyForTheProjectionsItNames() {
        stream.head = 100;
        stream.lastEvents.put("doc-1", 100L);
        trackers.runsHere("reading-views", Map.of(WHOLE, at(100)));
        trackers.runsHere("timeline", Map.of(WHOLE, at(3)));

        assertThat(reads(SHORT).awaitAggregate("doc-1", "reading-views")).isTrue();
        assertThat(reads(SHORT).awaitAggregate("doc-1", "reading-views", "timeline")).isFalse();
    }

    @Test
    void aWriteWaitsForItsOwnEventNotForTheHeadOthersHaveWrittenSince() {
        stream.head = 500;
        stream.lastEvents.put("doc-1", 40L);
        trackers.runsHere("reading-views", Map.of(WHOLE, at(41)));

        assertThat(reads(SHORT).awaitAggregate("doc-1", "reading-views")).isTrue();
        assertThat(reads(SHORT).await("reading-views")).as("the head is still ahead").isFalse();
    }

    @Test
    void anEventAmongTheTokensGapsIsNotYetProcessed() {
        stream.lastEvents.put("doc-1", 10L);
        trackers.runsHere("reading-views", Map.of(WHOLE, GapAwareTrackingToken.newInstance(20, List.of(10L))));

        assertThat(reads(SHORT).awaitAggregate("doc-1", "reading-views")).isFalse();
        assertThat(ReadYourWrites.passed(GapAwareTrackingToken.newInstance(20, List.of(10L)), 11)).isTrue();
        assertThat(ReadYourWrites.passed(GapAwareTrackingToken.newInstance(20, List.of(10L)), 21)).isFalse();
    }

    @Test
    void tokensOfOtherKindsAndUnstartedSegmentsAreJudgedByTheirPosition() {
        assertThat(ReadYourWrites.passed(new GlobalSequenceTrackingToken(7), 7)).isTrue();
        assertThat(ReadYourWrites.passed(new GlobalSequenceTrackingToken(6), 7)).isFalse();
        assertThat(ReadYourWrites.passed(null, 0)).isFalse();
        // A replaying processor has processed what its current token has, not what it will reach.
        TrackingToken replaying = ReplayToken.createReplayToken(at(90), at(30));
        assertThat(ReadYourWrites.passed(replaying, 30)).isTrue();
        assertThat(ReadYourWrites.passed(replaying, 60)).isFalse();
    }

    @Test
    void aWriteWaitsOnlyForTheSegmentThatProjectsItsAggregate() {
        // doc-1 belongs to the first of two segments, doc-2 to the second (by the hash of the id).
        stream.lastEvents.put("doc-1", 40L);
        stream.lastEvents.put("doc-2", 40L);
        // The first segment is still busy with an earlier import; the second has passed both writes.
        trackers.runsHere("timeline", Map.of(FIRST_OF_TWO, at(10), SECOND_OF_TWO, at(40)));

        assertThat(reads(SHORT).awaitAggregate("doc-2", "timeline")).as("its own segment has it").isTrue();
        assertThat(reads(SHORT).awaitAggregate("doc-1", "timeline")).as("its own segment is behind").isFalse();
    }

    @Test
    void segmentsClaimedByAnotherNodeAreReadFromTheTokenStore() {
        stream.lastEvents.put("doc-2", 40L);
        // This node claims one half of the stream, another node the half that holds doc-2.
        trackers.runsHere("reading-views", Map.of(FIRST_OF_TWO, at(50)));
        trackers.stores("reading-views", Map.of(0, at(5), 1, at(30)));

        assertThat(reads(SHORT).awaitAggregate("doc-2", "reading-views"))
                .as("the other node's segment is at 30").isFalse();

        trackers.stores("reading-views", Map.of(0, at(5), 1, at(45)));
        assertThat(reads(SHORT).awaitAggregate("doc-2", "reading-views")).isTrue();
    }

    @Test
    void thisNodesOwnSegmentsCountAtTheirLivePositionNotTheOneLastStored() {
        stream.head = 40;
        trackers.runsHere("reading-views", Map.of(FIRST_OF_TWO, at(50)));
        trackers.stores("reading-views", Map.of(0, at(5), 1, at(45)));

        assertThat(reads(SHORT).await("reading-views")).isTrue();
    }

    @Test
    void segmentsOfUnevenSizeInTheStoreAreMatchedByTheMaskTheirSplitGave() {
        // Segment 1 of a two-way split was split again: 0 holds half of the stream, 1 and 3 a quarter each.
        trackers.runsHere("emails", Map.of());
        trackers.stores("emails", Map.of(0, at(100), 1, at(100), 3, at(5)));
        stream.lastEvents.put("doc-4", 50L); // hash ends in binary 11: segment 3
        stream.lastEvents.put("doc-3", 50L); // hash ends in binary 10: segment 0

        assertThat(reads(SHORT).awaitAggregate("doc-4", "emails")).isFalse();
        assertThat(reads(SHORT).awaitAggregate("doc-3", "emails")).isTrue();
    }

    @Test
    void aSegmentNoNodeClaimsHoldsTheWriteBackUntilItsStoredTokenPasses() {
        stream.lastEvents.put("doc-2", 40L);
        trackers.runsHere("reading-views", Map.of());
        trackers.stores("reading-views", Map.of(0, at(60), 1, at(12)));

        assertThat(reads(SHORT).awaitAggregate("doc-2", "reading-views")).isFalse();
    }

    @Test
    void aGroupWithNoSegmentsAnywhereHasNotProcessedAnything() {
        stream.lastEvents.put("doc-1", 1L);
        trackers.runsHere("reading-views", Map.of());

        assertThat(reads(SHORT).awaitAggregate("doc-1", "reading-views")).isFalse();
    }

    @Test
    void whenThisNodeClaimsEverySegmentTheTokenStoreIsNotRead() {
        stream.lastEvents.put("doc-1", 40L);
        trackers.runsHere("reading-views", Map.of(FIRST_OF_TWO, at(41), SECOND_OF_TWO, at(40)));
        trackers.stores("reading-views", Map.of(0, at(1), 1, at(1)));

        assertThat(reads(SHORT).awaitAggregate("doc-1", "reading-views")).isTrue();
        assertThat(reads(SHORT).await("reading-views")).isTrue();
        assertThat(trackers.storeReads).hasValue(0);
    }

    @Test
    void whenThisNodeClaimsTheSegmentOfTheAggregateTheTokenStoreIsNotRead() {
        stream.lastEvents.put("doc-1", 40L);
        trackers.runsHere("reading-views", Map.of(FIRST_OF_TWO, at(41)));
        trackers.stores("reading-views", Map.of(0, at(1), 1, at(1)));

        assertThat(reads(SHORT).awaitAggregate("doc-1", "reading-views")).isTrue();
        assertThat(trackers.storeReads).hasValue(0);
    }

    @Test
    void aGroupThatDoesNotStreamHereIsAlwaysUpToDate() {
        stream.lastEvents.put("doc-1", 40L);

        assertThat(reads(SHORT).awaitAggregate("doc-1", "users")).isTrue();
    }

    @Test
    void aWriteThatKnowsItsEventWaitsForThatEventWithoutSearchingForTheLast() {
        stream.events.put("anno-1#0", 30L);
        stream.events.put("anno-1#1", 60L);
        stream.lastEvents.put("anno-1", 60L);
        trackers.runsHere("annotations", Map.of(WHOLE, at(30)));

        assertThat(reads(SHORT).awaitEvent("anno-1", 0, AffectedViews.ANNOTATION)).isTrue();
        assertThat(reads(SHORT).awaitEvent("anno-1", 1, AffectedViews.ANNOTATION)).isFalse();
        assertThat(stream.lastEventSearches).hasValue(0);
    }

    @Test
    void anEventNotStoredFallsBackToTheAggregatesLastEvent() {
        stream.lastEvents.put("anno-1", 60L);
        trackers.runsHere("annotations", Map.of(WHOLE, at(30)));

        assertThat(reads(SHORT).awaitEvent("anno-1", 5, AffectedViews.ANNOTATION)).isFalse();
        assertThat(stream.lastEventSearches).hasPositiveValue();
    }

    @Test
    void anAggregateWithoutEventsNeedsNoWait() {
        trackers.runsHere("reading-views", Map.of(WHOLE, at(0)));

        assertThat(reads(SHORT).awaitAggregate("never-written", "reading-views")).isTrue();
    }

    @Test
    void aWaitingWriteIsAnsweredAsSoonAsTheOtherNodeStoresItsProgress() throws Exception {
        stream.lastEvents.put("doc-2", 40L);
        trackers.runsHere("reading-views", Map.of(FIRST_OF_TWO, at(90)));
        trackers.stores("reading-views", Map.of(0, at(90), 1, at(39)));
        ScheduledExecutorService otherNode = Executors.newSingleThreadScheduledExecutor();
        try {
            otherNode.schedule(() -> trackers.stores("reading-views", Map.of(0, at(90), 1, at(40))), 100,
                    TimeUnit.MILLISECONDS);
            long began = System.nanoTime();

            assertThat(reads(Duration.ofSeconds(20)).awaitAggregate("doc-2", "reading-views")).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        } finally {
            otherNode.shutdownNow();
        }
    }

    @Test
    void aWaitingWriteIsAnsweredWhenAProcessorOfThisNodeReportsThatItMovedOn() {
        stream.lastEvents.put("doc-1", 50L);
        trackers.runsHere("annotations", Map.of(WHOLE, at(49)));
        ScheduledExecutorService processor = Executors.newSingleThreadScheduledExecutor();
        try {
            processor.schedule(() -> {
                trackers.runsHere("annotations", Map.of(WHOLE, at(50)));
                progress.onEventTrackerStatusChange(Map.of());
            }, 100, TimeUnit.MILLISECONDS);

            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThat(toldOnly().awaitAggregate("doc-1", "annotations")).isTrue());
        } finally {
            processor.shutdownNow();
        }
    }

    @Test
    void aMoveBetweenLookingAndWaitingIsNotSleptThrough() {
        stream.lastEvents.put("doc-1", 50L);
        trackers.runsHere("annotations", Map.of(WHOLE, at(49)));
        // The processor moves on and reports it just after the write's first look, before it begins to wait.
        trackers.afterFirstLook = () -> {
            trackers.runsHere("annotations", Map.of(WHOLE, at(50)));
            progress.onEventTrackerStatusChange(Map.of());
        };

        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThat(toldOnly().awaitAggregate("doc-1", "annotations")).isTrue());
        assertThat(trackers.looks).hasValue(2);
    }

    @Test
    void withNoGroupNamedEveryProcessorMustReachTheHead() {
        stream.head = 70;
        trackers.runsHere("reading-views", Map.of(WHOLE, at(70)));
        trackers.runsHere("annotations", Map.of(WHOLE, at(69)));

        assertThat(reads(SHORT).await()).isFalse();

        trackers.runsHere("annotations", Map.of(WHOLE, at(70)));
        assertThat(reads(SHORT).await()).isTrue();
    }

    @Test
    void anEmptyStreamNeedsNoWait() {
        stream.head = -1;
        trackers.runsHere("reading-views", Map.of());

        assertThat(reads(SHORT).await("reading-views")).isTrue();
    }

    @Test
    void theViewsOfEachKindOfWrite() {
        assertThat(AffectedViews.TEXT.processingGroups())
                .containsExactlyInAnyOrder("reading-views", "annotations", "timeline", "emails");
        assertThat(AffectedViews.FIXES.processingGroups()).containsExactly("reading-views");
        assertThat(AffectedViews.ANNOTATION.processingGroups()).containsExactly("annotations");
    }

    private static TrackingToken at(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }

    private static final class FakeStream implements ReadYourWrites.Stream {
        long head = -1;
        final Map<String, Long> lastEvents = new HashMap<>();
        /** Positions by {@code aggregate#sequence}. */
        final Map<String, Long> events = new HashMap<>();
        final AtomicInteger lastEventSearches = new AtomicInteger();

        @Override
        public OptionalLong head() {
            return head < 0 ? OptionalLong.empty() : OptionalLong.of(head);
        }

        @Override
        public OptionalLong lastEventOf(String aggregateId) {
            lastEventSearches.incrementAndGet();
            Long last = lastEvents.get(aggregateId);
            return last == null ? OptionalLong.empty() : OptionalLong.of(last);
        }

        @Override
        public OptionalLong positionOf(String aggregateId, long sequenceNumber) {
            Long position = events.get(aggregateId + "#" + sequenceNumber);
            return position == null ? OptionalLong.empty() : OptionalLong.of(position);
        }
    }

    private static final class FakeTrackers implements ReadYourWrites.Trackers {
        final Map<String, Map<Segment, @Nullable TrackingToken>> local = new ConcurrentHashMap<>();
        final Map<String, Map<Integer, @Nullable TrackingToken>> store = new ConcurrentHashMap<>();
        final AtomicInteger storeReads = new AtomicInteger();
        final AtomicInteger looks = new AtomicInteger();
        @Nullable Runnable afterFirstLook;

        void runsHere(String group, Map<Segment, TrackingToken> segments) {
            local.put(group, Map.copyOf(segments));
        }

        void stores(String group, Map<Integer, TrackingToken> segments) {
            store.put(group, Map.copyOf(segments));
        }

        @Override
        public Optional<Map<Segment, @Nullable TrackingToken>> claimedHere(String group) {
            Optional<Map<Segment, @Nullable TrackingToken>> segments = Optional.ofNullable(local.get(group));
            if (looks.incrementAndGet() == 1 && afterFirstLook != null) {
                afterFirstLook.run();
            }
            return segments;
        }

        @Override
        public Map<Integer, @Nullable TrackingToken> stored(String group) {
            storeReads.incrementAndGet();
            return store.getOrDefault(group, Map.of());
        }

        /** As the archive's processors divide events: by the hash of the aggregate's identifier. */
        @Override
        public boolean holdsEventsOf(String group, Segment segment, String aggregateId) {
            return segment.matches(Objects.hashCode(aggregateId));
        }
    }
}
