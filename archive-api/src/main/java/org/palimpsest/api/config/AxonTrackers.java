package org.palimpsest.api.config;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.web.ReadYourWrites;

/**
 * The projections' progress as Axon knows it: this node's processors for the segments they claim, and the Mongo token
 * store's entries for all of them. The store is read directly, not through {@code TokenStore.fetchToken}, which would
 * claim the segment it reads.
 */
final class AxonTrackers implements ReadYourWrites.Trackers {

    /** The field names of {@code MongoTokenStore}'s entries. */
    private static final String PROCESSOR_NAME = "processorName";
    private static final String SEGMENT = "segment";
    private static final String TOKEN = "token";
    private static final String TOKEN_TYPE = "tokenType";

    private final EventProcessingConfiguration processing;
    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    /**
     * @param tokens     the token store's collection
     * @param serializer the token store's serializer
     */
    AxonTrackers(EventProcessingConfiguration processing, MongoCollection<Document> tokens, Serializer serializer) {
        this.processing = processing;
        this.tokens = tokens;
        this.serializer = serializer;
    }

    @Override
    public Optional<Map<Segment, @Nullable TrackingToken>> claimedHere(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).map(processor -> {
            Map<Segment, @Nullable TrackingToken> segments = new LinkedHashMap<>();
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                segments.put(status.getSegment(), status.getTrackingToken());
            }
            return segments;
        });
    }

    @Override
    public Map<Integer, @Nullable TrackingToken> stored(String group) {
        Map<Integer, @Nullable TrackingToken> segments = new HashMap<>();
        for (Document entry : tokens.find(Filters.eq(PROCESSOR_NAME, group))
                .projection(Projections.include(SEGMENT, TOKEN, TOKEN_TYPE))) {
            segments.put(entry.getInteger(SEGMENT), token(entry));
        }
        return segments;
    }

    /**
     * A group sequenced per aggregate ({@link DeadLetterConfiguration}) has each aggregate's events handled by the one
     * segment that matches the hash of its identifier, as Axon's event handler invokers decide. Any other policy is
     * not relied on: every segment counts.
     */
    @Override
    public boolean holdsEventsOf(String group, Segment segment, String aggregateId) {
        return holdsEventsOf(processing.sequencingPolicy(group), segment, aggregateId);
    }

    static boolean holdsEventsOf(SequencingPolicy<?> policy, Segment segment, String aggregateId) {
        return !(policy instanceof SequentialPerAggregatePolicy) || segment.matches(Objects.hashCode(aggregateId));
    }

    private @Nullable TrackingToken token(Document entry) {
        Object token = entry.get(TOKEN);
        String type = entry.getString(TOKEN_TYPE);
        if (!(token instanceof Binary binary) || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(binary.getData(), byte[].class, type, null));
    }
}
