package org.palimpsest.api.config;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a processor the configured number of segments when its tokens have another count, such as the single segment
 * of a store from before segments were configurable. Axon splits a processor only when it first starts on a store;
 * this runs before the processors start, and only while no node holds a claim on any of the processor's segments.
 * Every new segment starts from the lowest position of the old ones, so each event is still delivered to its segment,
 * some of them again, which the projections' position guards skip (ADR 9).
 */
final class SegmentCount {

    private static final Logger log = LoggerFactory.getLogger(SegmentCount.class);

    private final TokenStore tokens;

    SegmentCount(TokenStore tokens) {
        this.tokens = tokens;
    }

    /** @return whether the processor's segments were replaced */
    boolean apply(String processor, int wanted) {
        int[] segments = tokens.fetchSegments(processor);
        if (segments.length == 0 || segments.length == wanted) {
            return false;
        }
        if (tokens.fetchAvailableSegments(processor).size() < segments.length) {
            log.info("processor {} keeps its {} segments, not the {} configured: another node holds some of them",
                    processor, segments.length, wanted);
            return false;
        }
        TrackingToken lowest;
        try {
            lowest = lowest(processor, segments);
            for (int segment : segments) {
                tokens.deleteToken(processor, segment);
            }
            tokens.initializeTokenSegments(processor, wanted, lowest);
        } catch (UnableToClaimTokenException e) {
            // Another node started at the same moment and claimed or re-initialised them first.
            log.info("processor {} keeps the segments another node holds: {}", processor, e.getMessage());
            return false;
        }
        log.warn("processor {} split into {} segments instead of {}, from position {}", processor, wanted,
                segments.length, lowest == null ? "the start" : lowest.position().orElse(-1));
        return true;
    }

    /** The position every segment has reached, claiming each; {@code null} (the start) when one has no token yet. */
    private @Nullable TrackingToken lowest(String processor, int[] segments) {
        List<@Nullable TrackingToken> reached = new ArrayList<>();
        for (int segment : segments) {
            reached.add(tokens.fetchToken(processor, segment));
        }
        TrackingToken lowest = reached.get(0);
        for (TrackingToken token : reached.subList(1, reached.size())) {
            lowest = lowest == null || token == null ? null : lowest.lowerBound(token);
        }
        return lowest;
    }
}
