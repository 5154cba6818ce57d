package org.palimpsest.api.config;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.palimpsest.annotations.projection.AnnotationProjection;
import org.palimpsest.api.PalimpsestProperties;

/**
 * How the projections' tracking processors split their events into segments and share them among the nodes on one
 * store (ADR 9). Events are assigned to segments by their sequence, one per aggregate ({@link DeadLetterConfiguration}),
 * so a document's events stay in order in one segment; segments are claimed through the token store, one thread per
 * claimed segment, and a node that stops extending its claims (because it died) loses them after the claim timeout.
 *
 * @param segments        how many segments a new processor is split into
 * @param segmentsPerNode the most segments of one processor this node claims, one thread each
 * @param claimTimeout    how long a claim outlives the last extension by its node
 */
record ProjectionSegments(int segments, int segmentsPerNode, Duration claimTimeout) {

    /**
     * Processing groups that stay one segment, in the order of the log. The annotation projection joins records across
     * aggregates: an annotation is stamped with the time of its document's revision, which a document event wrote; a
     * reply takes its document from its parent annotation; and document and annotation events rewrite the same record
     * of the document's annotations. In separate segments these would be read before they were written, or lost to
     * concurrent rewrites. Its one segment is claimed and taken over like any other.
     */
    static final Set<String> IN_LOG_ORDER = Set.of(AnnotationProjection.PROCESSING_GROUP);

    /** Events per unit of work, with one token write after them (ADR 4). */
    static final int BATCH = 100;

    static final ProjectionSegments DEFAULT = of(new PalimpsestProperties.Projection(null, null, null));

    static ProjectionSegments of(PalimpsestProperties.Projection settings) {
        return new ProjectionSegments(settings.segmentsOrDefault(), settings.segmentsPerNodeOrDefault(),
                settings.claimTimeoutOrDefault());
    }

    /**
     * How often a node with a free thread looks for segments nobody holds. A dead node's segments are taken over at
     * most this long after its claims have expired.
     */
    Duration claimInterval() {
        return claimTimeout.dividedBy(5);
    }

    /**
     * The processor of a group whose events may be processed per aggregate, in parallel.
     *
     * @param progress told each time a segment moves on, so writes waiting for it answer at once
     */
    TrackingEventProcessorConfiguration split(EventTrackerStatusChangeListener progress) {
        return configuration(segments, Math.min(segments, segmentsPerNode), progress);
    }

    /** The processor of a group in {@link #IN_LOG_ORDER}: one segment, one thread. */
    TrackingEventProcessorConfiguration inLogOrder(EventTrackerStatusChangeListener progress) {
        return configuration(1, 1, progress);
    }

    private TrackingEventProcessorConfiguration configuration(int segmentCount, int threads,
                                                              EventTrackerStatusChangeListener progress) {
        // An idle worker extends its claim each time it has waited this long for events (Axon's default, a second),
        // well inside the claim timeout, which must be at least 3 s.
        return TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                .andInitialSegmentsCount(segmentCount)
                .andBatchSize(BATCH)
                .andEventAvailabilityTimeout(1, TimeUnit.SECONDS)
                .andTokenClaimInterval(claimInterval().toMillis(), TimeUnit.MILLISECONDS)
                .andEventTrackerStatusChangeListener(progress);
    }
}
