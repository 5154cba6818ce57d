package org.palimpsest.archive.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.codecs.pojo.annotations.BsonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whether content is stored, asked of a collection by key: a collection found empty (a fresh generation, a replay's
 * scratch) answers for keys it never wrote without a query per key; one that holds records written elsewhere is asked
 * per key, and a key is taken to be present only once seen.
 */
class KeyedCollectionTest {

    public record Stored(@BsonId String key) {
    }

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final AtomicLong finds = new AtomicLong();

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    finds.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(counting).build());
        database = client.getDatabase("keyed_test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private KeyedCollection<Stored> open() {
        return new StoreCollections(database, Generation.FIRST).keyed("contents", Stored.class);
    }

    @Test
    void aCollectionFoundEmptyAnswersForKeysItNeverWroteWithoutAQueryEach() {
        KeyedCollection<Stored> contents = open();

        assertThat(contents.contains("a")).isFalse();
        assertThat(contents.contains("b")).isFalse();
        contents.put("c", new Stored("c"));
        assertThat(contents.contains("c")).isTrue();
        assertThat(contents.contains("d")).isFalse();

        assertThat(finds).as("one look at whether it is empty, none per key").hasValue(1);
    }

    @Test
    void aCollectionHoldingRecordsWrittenElsewhereIsAskedPerKeyAndSeesThem() {
        database.getCollection("contents", Stored.class).insertOne(new Stored("elsewhere"));
        KeyedCollection<Stored> contents = open();

        assertThat(contents.contains("elsewhere")).isTrue();
        assertThat(contents.contains("absent")).isFalse();
        assertThat(contents.contains("elsewhere")).as("remembered once seen").isTrue();

        assertThat(finds).as("whether it is empty, then each key not known").hasValue(3);
    }

    @Test
    void aCollectionWrittenBeforeItsFirstQuestionIsAskedPerKey() {
        KeyedCollection<Stored> contents = open();
        contents.put("mine", new Stored("mine"));
        database.getCollection("contents", Stored.class).insertOne(new Stored("theirs"));

        assertThat(contents.contains("theirs")).as("found non-empty by its own write, so the store is asked").isTrue();
        assertThat(contents.contains("mine")).isTrue();
    }

    @Test
    void anEmptiedCollectionAnswersFromWhatItWroteSince() {
        database.getCollection("contents", Stored.class).insertOne(new Stored("old"));
        KeyedCollection<Stored> contents = open();
        assertThat(contents.contains("old")).isTrue();
        contents.clear();
        finds.set(0);

        assertThat(contents.contains("old")).isFalse();
        contents.put("new", new Stored("new"));
        assertThat(contents.contains("new")).isTrue();
        assertThat(finds).hasValue(0);
    }
}
