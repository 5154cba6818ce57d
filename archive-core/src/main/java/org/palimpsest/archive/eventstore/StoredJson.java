package org.palimpsest.archive.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.BsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A stored payload or metadata document handed to Axon as a Jackson tree, built only when Axon asks for the data.
 * Processors do not deserialize events their handlers do not take (Axon decides by the serialized type), and then the
 * document is never converted at all. A tree, not JSON text: Axon's {@code JacksonSerializer} reads a tree directly,
 * and writing the text only for Jackson to parse it again took most of the time of a tracking read.
 */
final class StoredJson implements SerializedObject<JsonNode> {

    private static final SerializedType META_DATA_TYPE = new SimpleSerializedType(MetaData.class.getName(), null);

    private final SerializedType type;
    private final BsonValue stored;
    private volatile @Nullable JsonNode tree;

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
    public Class<JsonNode> getContentType() {
        return JsonNode.class;
    }

    @Override
    public SerializedType getType() {
        return type;
    }

    @Override
    public JsonNode getData() {
        JsonNode data = tree;
        if (data == null) {
            data = JsonBsonTranscoder.toTree(stored);
            tree = data;
        }
        return data;
    }

    @Override
    public String toString() {
        return "StoredJson[" + type + "]";
    }
}
