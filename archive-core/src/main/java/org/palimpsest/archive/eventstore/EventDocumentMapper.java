package org.palimpsest.archive.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.input.InputLimits;

import java.time.Instant;
import java.util.List;

/**
 * The BSON shape of stored events and snapshots, and the mapping from and to Axon's messages.
 * <p>
 * An event document:
 * <pre>
 * { _id: 42 (global index), aggregateIdentifier, type, sequenceNumber,
 *   aggregateSequenceKey: "&lt;aggregateIdentifier&gt;#&lt;sequenceNumber&gt;",
 *   eventIdentifier, timestamp: ISODate (ms), timestampNanos: 0..999999 (below the ms),
 *   reservedAt: ISODate (database time at which the writer reserved the index), payloadType, payloadRevision,
 *   payload: {...}, metaData: {...} }
 * </pre>
 * A snapshot document has the same fields, with {@code _id} = the aggregate identifier and no global index.
 */
final class EventDocumentMapper {

    static final String ID = "_id";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String TYPE = "type";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String AGGREGATE_SEQUENCE_KEY = "aggregateSequenceKey";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String TIMESTAMP_NANOS = "timestampNanos";
    static final String RESERVED_AT = "reservedAt";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";

    /**
     * Every field of a snapshot document. Reading with this projection makes mongo-java-server copy the document
     * under its lock; otherwise a concurrent replacement, which it applies in place, could be read half-done.
     */
    static final List<String> SNAPSHOT_FIELDS = List.of(ID, TYPE, SEQUENCE_NUMBER, EVENT_IDENTIFIER, TIMESTAMP,
                                                        TIMESTAMP_NANOS, PAYLOAD_TYPE, PAYLOAD_REVISION, PAYLOAD,
                                                        META_DATA);

    private static final int NANOS_PER_MILLI = 1_000_000;

    private EventDocumentMapper() {
    }

    /**
     * The key that makes "event {@code sequenceNumber} of aggregate {@code aggregateIdentifier}" a single-field
     * equality. Unambiguous even if identifiers contain {@code #}, because the part after the last {@code #} is a
     * number; so its unique index is the uniqueness of the pair, the rule optimistic concurrency rests on.
     */
    static String aggregateSequenceKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + '#' + sequenceNumber;
    }

    /**
     * The event document without its position ({@code _id}, {@code reservedAt}), which is only known once indexes
     * are reserved. Events not published by an aggregate are stored as the single event of a stream named after
     * their own identifier, as Axon's JDBC and JPA engines do, so they pass the same unique indexes.
     */
    static BsonDocument eventDocument(EventMessage<?> message, Serializer serializer) {
        DomainEventMessage<?> event = asDomainEventMessage(message);
        BsonDocument document = new BsonDocument()
                .append(AGGREGATE_IDENTIFIER, new BsonString(event.getAggregateIdentifier()))
                .append(TYPE, nullableString(event.getType()))
                .append(SEQUENCE_NUMBER, new BsonInt64(event.getSequenceNumber()))
                .append(AGGREGATE_SEQUENCE_KEY, new BsonString(
                        aggregateSequenceKey(event.getAggregateIdentifier(), event.getSequenceNumber())))
                .append(EVENT_IDENTIFIER, new BsonString(event.getIdentifier()));
        appendTimestamp(document, event.getTimestamp());
        long bytes = appendSerializedContent(document, event, serializer);
        if (bytes > InputLimits.STORED_EVENT_BYTES) {
            throw new EventTooLargeException(event.getPayloadType().getSimpleName(), bytes,
                                             InputLimits.STORED_EVENT_BYTES);
        }
        return document;
    }

    /** Puts the global index, and the time it was reserved, on an {@link #eventDocument}. */
    static void position(BsonDocument eventDocument, long globalIndex, Instant reservedAt) {
        eventDocument.put(ID, new BsonInt64(globalIndex));
        eventDocument.put(RESERVED_AT, new BsonDateTime(reservedAt.toEpochMilli()));
    }

    static BsonDocument snapshotDocument(DomainEventMessage<?> snapshot, Serializer serializer) {
        BsonDocument document = new BsonDocument()
                .append(ID, new BsonString(snapshot.getAggregateIdentifier()))
                .append(TYPE, nullableString(snapshot.getType()))
                .append(SEQUENCE_NUMBER, new BsonInt64(snapshot.getSequenceNumber()))
                .append(EVENT_IDENTIFIER, new BsonString(snapshot.getIdentifier()));
        appendTimestamp(document, snapshot.getTimestamp());
        appendSerializedContent(document, snapshot, serializer);
        return document;
    }

    static long globalIndex(BsonDocument eventDocument) {
        return eventDocument.getNumber(ID).longValue();
    }

    static long sequenceNumber(BsonDocument document) {
        return document.getNumber(SEQUENCE_NUMBER).longValue();
    }

    static StoredEventData snapshotData(BsonDocument document) {
        return new StoredEventData(stringOrNull(document, TYPE),
                                   document.getString(ID).getValue(),
                                   sequenceNumber(document),
                                   document.getString(EVENT_IDENTIFIER).getValue(),
                                   timestamp(document),
                                   payload(document),
                                   metaData(document));
    }

    /** Millisecond part of an instant, as stored (and indexed) in {@link #TIMESTAMP}. */
    static long epochMilli(Instant instant) {
        return instant.toEpochMilli();
    }

    /** Sub-millisecond part of an instant, as stored in {@link #TIMESTAMP_NANOS}. */
    static int nanosBelowMilli(Instant instant) {
        return instant.getNano() % NANOS_PER_MILLI;
    }

    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event.getTimestamp());
    }

    private static void appendTimestamp(BsonDocument document, Instant timestamp) {
        // A BSON date holds milliseconds; Axon's clock gives micro- or nanoseconds. Keep both: the date to query,
        // the remainder to hand back the exact instant.
        document.append(TIMESTAMP, new BsonDateTime(epochMilli(timestamp)))
                .append(TIMESTAMP_NANOS, new BsonInt32(nanosBelowMilli(timestamp)));
    }

    /** @return the bytes of the serialized payload and metadata together */
    private static long appendSerializedContent(BsonDocument document, DomainEventMessage<?> event,
                                                Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        document.append(PAYLOAD_TYPE, new BsonString(payload.getType().getName()))
                .append(PAYLOAD_REVISION, nullableString(payload.getType().getRevision()))
                .append(PAYLOAD, JsonBsonTranscoder.toBson(payload.getData()))
                .append(META_DATA, JsonBsonTranscoder.toBson(metaData.getData()));
        return (long) payload.getData().length + metaData.getData().length;
    }

    private static Instant timestamp(BsonDocument document) {
        long epochMilli = document.getDateTime(TIMESTAMP).getValue();
        int nanos = document.getNumber(TIMESTAMP_NANOS, new BsonInt32(0)).intValue();
        return Instant.ofEpochMilli(epochMilli).plusNanos(nanos);
    }

    private static SerializedObject<JsonNode> payload(BsonDocument document) {
        return StoredJson.payload(document.getString(PAYLOAD_TYPE).getValue(), stringOrNull(document, PAYLOAD_REVISION),
                                  document.get(PAYLOAD));
    }

    private static SerializedObject<JsonNode> metaData(BsonDocument document) {
        return StoredJson.metaData(document.get(META_DATA));
    }

    private static BsonValue nullableString(@Nullable String value) {
        return value == null ? BsonNull.VALUE : new BsonString(value);
    }

    private static @Nullable String stringOrNull(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        return value == null || value.isNull() ? null : value.asString().getValue();
    }
}
