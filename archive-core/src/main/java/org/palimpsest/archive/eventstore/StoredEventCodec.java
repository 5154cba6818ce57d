package org.palimpsest.archive.eventstore;

import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.RawBsonDocumentCodec;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

import static org.palimpsest.archive.eventstore.EventDocumentMapper.AGGREGATE_IDENTIFIER;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.EVENT_IDENTIFIER;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.ID;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.META_DATA;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.PAYLOAD;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.PAYLOAD_REVISION;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.PAYLOAD_TYPE;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.RESERVED_AT;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.SEQUENCE_NUMBER;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.TIMESTAMP;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.TIMESTAMP_NANOS;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.TYPE;

/**
 * Reads an event document straight off the driver's reply in one pass: the scalar fields into a
 * {@link StoredEvent}, payload and metadata as raw BSON copied byte for byte, to become JSON only when Axon asks
 * ({@link StoredJson}). Decoding into a {@code BsonDocument} first built a tree of every field of every event of a
 * batch, to be walked once and thrown away. Only reads use it; events are written as {@code BsonDocument}s.
 */
final class StoredEventCodec implements Codec<StoredEvent> {

    private static final RawBsonDocumentCodec RAW_DOCUMENT = new RawBsonDocumentCodec();
    private static final BsonValueCodec ANY_VALUE = new BsonValueCodec();

    @Override
    public StoredEvent decode(BsonReader reader, DecoderContext context) {
        long globalIndex = 0;
        Instant reservedAt = Instant.EPOCH;
        String aggregateIdentifier = null;
        String type = null;
        long sequenceNumber = 0;
        String eventIdentifier = null;
        long timestampMillis = 0;
        long timestampNanos = 0;
        String payloadType = null;
        String payloadRevision = null;
        BsonValue payload = null;
        BsonValue metaData = null;
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case ID -> globalIndex = readLong(reader);
                case RESERVED_AT -> reservedAt = Instant.ofEpochMilli(reader.readDateTime());
                case AGGREGATE_IDENTIFIER -> aggregateIdentifier = reader.readString();
                case TYPE -> type = readNullableString(reader);
                case SEQUENCE_NUMBER -> sequenceNumber = readLong(reader);
                case EVENT_IDENTIFIER -> eventIdentifier = reader.readString();
                case TIMESTAMP -> timestampMillis = reader.readDateTime();
                case TIMESTAMP_NANOS -> timestampNanos = readLong(reader);
                case PAYLOAD_TYPE -> payloadType = reader.readString();
                case PAYLOAD_REVISION -> payloadRevision = readNullableString(reader);
                case PAYLOAD -> payload = readStored(reader, context);
                case META_DATA -> metaData = readStored(reader, context);
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        if (aggregateIdentifier == null || eventIdentifier == null || payloadType == null || payload == null
                || metaData == null) {
            throw new IllegalStateException("Event document at global index " + globalIndex + " lacks a field");
        }
        // Events not published by an aggregate are stored under their own identifier (EventDocumentMapper)
        boolean publishedByAggregate = !aggregateIdentifier.equals(eventIdentifier);
        StoredEventData data = new StoredEventData(publishedByAggregate ? type : null,
                                                   publishedByAggregate ? aggregateIdentifier : null,
                                                   sequenceNumber,
                                                   eventIdentifier,
                                                   Instant.ofEpochMilli(timestampMillis).plusNanos(timestampNanos),
                                                   StoredJson.payload(payloadType, payloadRevision, payload),
                                                   StoredJson.metaData(metaData));
        return new StoredEvent(globalIndex, reservedAt, data);
    }

    @Override
    public void encode(BsonWriter writer, StoredEvent value, EncoderContext context) {
        throw new UnsupportedOperationException("events are written as BsonDocuments, see EventDocumentMapper");
    }

    @Override
    public Class<StoredEvent> getEncoderClass() {
        return StoredEvent.class;
    }

    private static BsonValue readStored(BsonReader reader, DecoderContext context) {
        return reader.getCurrentBsonType() == BsonType.DOCUMENT ? RAW_DOCUMENT.decode(reader, context)
                : ANY_VALUE.decode(reader, context);
    }

    private static long readLong(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case INT32 -> reader.readInt32();
            case INT64 -> reader.readInt64();
            case DOUBLE -> (long) reader.readDouble();
            default -> throw new IllegalStateException("Expected a number, found " + reader.getCurrentBsonType());
        };
    }

    private static @Nullable String readNullableString(BsonReader reader) {
        if (reader.getCurrentBsonType() == BsonType.NULL) {
            reader.readNull();
            return null;
        }
        return reader.readString();
    }
}
