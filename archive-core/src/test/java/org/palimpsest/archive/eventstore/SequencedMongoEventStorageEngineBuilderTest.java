package org.palimpsest.archive.eventstore;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.serialization.JavaSerializer;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine refuses at build what would fail at the first read: stored payloads reach the serializer as trees. */
class SequencedMongoEventStorageEngineBuilderTest {

    // Never connected: the builder refuses before it touches the database.
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:9");

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    @SuppressWarnings("deprecation")
    void refusesEventAndSnapshotSerializersThatCannotReadJsonTrees() {
        Serializer java = JavaSerializer.builder().build();
        Serializer jackson = JacksonSerializer.defaultSerializer();

        assertThatThrownBy(() -> builder().eventSerializer(java).build())
                .isInstanceOf(AxonConfigurationException.class)
                .hasMessageContaining("event serializer").hasMessageContaining("JsonNode");
        assertThatThrownBy(() -> builder().eventSerializer(jackson).snapshotSerializer(java).build())
                .isInstanceOf(AxonConfigurationException.class)
                .hasMessageContaining("snapshot serializer").hasMessageContaining("JsonNode");
    }

    private SequencedMongoEventStorageEngine.Builder builder() {
        return SequencedMongoEventStorageEngine.builder().database(client.getDatabase("never")).ensureIndexesOnBuild(false);
    }
}
