package org.palimpsest.archive.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One event or snapshot as read from MongoDB, with payload and metadata as JSON trees for the serializer.
 * <p>
 * Axon's own entry classes keep the timestamp as text formatted to milliseconds; this record keeps the exact
 * {@link Instant} that was appended.
 *
 * @param type                the aggregate type, {@code null} for events not published by an aggregate
 * @param aggregateIdentifier the aggregate identifier, {@code null} for events not published by an aggregate
 * @param sequenceNumber      the position in the aggregate's stream ({@code 0} for events without aggregate)
 * @param eventIdentifier     the message identifier
 * @param timestamp           the event's timestamp, exactly as appended
 * @param payload             the serialized payload
 * @param metaData            the serialized metadata
 */
record StoredEventData(@Nullable String type,
                       @Nullable String aggregateIdentifier,
                       long sequenceNumber,
                       String eventIdentifier,
                       Instant timestamp,
                       SerializedObject<JsonNode> payload,
                       SerializedObject<JsonNode> metaData) implements DomainEventData<JsonNode> {

    // Axon reads a null aggregate identifier as "not published by an aggregate".
    @Override
    public @Nullable String getType() {
        return type;
    }

    @Override
    public @Nullable String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<JsonNode> getMetaData() {
        return metaData;
    }

    @Override
    public SerializedObject<JsonNode> getPayload() {
        return payload;
    }
}
