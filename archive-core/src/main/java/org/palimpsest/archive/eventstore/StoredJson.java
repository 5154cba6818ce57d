package org.palimpsest.archive.eventstore;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.BsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A stored payload or metadata document handed to Axon as serialized JSON, transcoded only when Axon asks for the
 * bytes. Processors do not deserialize events their handlers do not take (Axon decides by the serialized type), and
 * then the document is never turned into JSON at all.
 */
final class StoredJson implements SerializedObject<byte[]> {

    private static final SerializedType META_DATA_TYPE = new SimpleSerializedType(MetaData.class.getName(), null);

    private final SerializedType type;
    private final BsonValue stored;
    private volatile byte @Nullable [] json;

    private StoredJson(SerializedType type, BsonValue stored) {
        this.type = type;
        this.stored = stored;
    }

    static StoredJson payload(String payloadType, @Nullable String payloadRevision, BsonValue stored) {
        return new StoredJson(new SimpleSerializedType(payloadType, payloadRevision), stored);
    }

    /** Metadata, recognised as such by Axon's serializers through its type, as {@code SerializedMetaData} is. */
    static StoredJson metaData(BsonValue stored) {
        return new StoredJson(META_DATA_TYPE, stored);
    }

    @Override
    public Class<byte[]> getContentType() {
        return byte[].class;
    }

    @Override
    public SerializedType getType() {
        return type;
    }

    @Override
    public byte[] getData() {
        byte[] data = json;
        if (data == null) {
            data = JsonBsonTranscoder.toJson(stored);
            json = data;
        }
        return data;
    }

    @Override
    public String toString() {
        return "StoredJson[" + type + "]";
    }
}
