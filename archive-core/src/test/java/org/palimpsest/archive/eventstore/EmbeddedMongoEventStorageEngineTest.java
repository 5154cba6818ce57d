package org.palimpsest.archive.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance suite against mongo-java-server with its H2 backend persisting to a file, as the application runs
 * it when no MongoDB is configured. Counts examined documents, so the read-cost test is deterministic here.
 */
class EmbeddedMongoEventStorageEngineTest extends EventStorageEngineConformanceTest {

    private static final String DATABASE_NAME = "conformance";

    @TempDir
    Path dataDirectory;

    private @Nullable DocumentCountingH2Backend backend;
    private @Nullable MongoServer server;
    private @Nullable MongoClient client;
    /** Every command the test's client sent, as sent. */
    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();

    @Override
    protected MongoDatabase createEmptyDatabase() {
        return start();
    }

    @Override
    protected MongoDatabase restartServer() {
        stop();
        return start();
    }

    @Override
    protected void releaseDatabase() {
        stop();
    }

    @Override
    protected OptionalLong documentsExamined() {
        return backend == null ? OptionalLong.empty() : OptionalLong.of(backend.documentsExamined());
    }

    /**
     * Why aggregate reads, and the uniqueness of (aggregate, sequence number), go through {@code aggregateSequenceKey}:
     * mongo-java-server answers {@code $in} on a unique single-field index, but not on a unique compound index
     * (mongo-java-server issue #80), which it scans for; the engine no longer creates one, so the test does.
     */
    @Test
    void embeddedServerAnswersInOnlyThroughSingleFieldUniqueIndexes() {
        SequencedMongoEventStorageEngine engine = engine().build();
        database().getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION)
                  .createIndex(new Document("aggregateIdentifier", 1).append("sequenceNumber", 1),
                               new IndexOptions().unique(true));
        for (int aggregate = 0; aggregate < 5; aggregate++) {
            String id = "aggregate-" + aggregate;
            engine.appendEvents(IntStream.range(0, 100)
                                         .mapToObj(sequence -> new GenericDomainEventMessage<>("Test", id, sequence,
                                                                                             "payload " + sequence))
                                         .toList());
        }
        MongoCollection<Document> events = database().getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION);

        // plain documents: the driver renders Filters.and(...) as {$and: [...]}, which no index answers here
        long byKey = examinedBy(events, in("aggregateSequenceKey", List.of("aggregate-1#0", "aggregate-1#1")));
        long byCompound = examinedBy(events, new Document("aggregateIdentifier", "aggregate-1")
                .append("sequenceNumber", new Document("$in", List.of(0L, 1L))));
        long byCompoundEquality = examinedBy(events, new Document("aggregateIdentifier", "aggregate-1")
                .append("sequenceNumber", 1L));

        assertThat(byKey).isEqualTo(2);
        assertThat(byCompound).as("a scan").isEqualTo(500);
        assertThat(byCompoundEquality).isEqualTo(1);
    }

    /**
     * An append waits for the store's commit (on the app's embedded server: commit and fsync) once, for its insert.
     * The reservation before it asks for no journal: the insert's commit carries it, since the store makes a write
     * durable only with every write that finished before it (ADR 4), and a reservation lost in a crash only lost
     * indexes that no acknowledged event holds.
     */
    @Test
    void anAppendWaitsForTheJournalOnceForItsInsertNotForItsReservation() {
        SequencedMongoEventStorageEngine engine = engine().build();
        commands.clear();

        engine.appendEvents(IntStream.range(0, 100)
                                     .mapToObj(sequence -> new GenericDomainEventMessage<>("Test", "aggregate", sequence,
                                                                                         "payload " + sequence))
                                     .toList());

        List<BsonDocument> writes = commands.stream()
                                            .filter(command -> command.containsKey("findAndModify")
                                                    || command.containsKey("insert"))
                                            .toList();
        assertThat(writes).extracting(command -> command.getFirstKey()).containsExactly("findAndModify", "insert");
        assertThat(writes.get(0).getDocument("writeConcern").getBoolean("j").getValue()).isFalse();
        assertThat(writes.get(1).containsKey("writeConcern")).as("the insert keeps the database's concern").isFalse();
    }

    private long examinedBy(MongoCollection<Document> collection, Bson filter) {
        long before = documentsExamined().orElseThrow();
        collection.find(filter).into(new ArrayList<>());
        return documentsExamined().orElseThrow() - before;
    }

    private MongoDatabase start() {
        backend = new DocumentCountingH2Backend(dataDirectory.resolve("events.mv").toString());
        server = new MongoServer(backend);
        client = MongoClients.create(MongoClientSettings.builder()
                                                        .applyConnectionString(new ConnectionString(
                                                                server.bindAndGetConnectionString()))
                                                        .addCommandListener(new CommandListener() {
                                                            @Override
                                                            public void commandStarted(CommandStartedEvent event) {
                                                                commands.add(event.getCommand().clone());
                                                            }
                                                        })
                                                        .build());
        return client.getDatabase(DATABASE_NAME);
    }

    private void stop() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.shutdown(); // closes the backend, which writes the H2 file
            server = null;
        }
        backend = null;
    }
}
