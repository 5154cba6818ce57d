package org.palimpsest.archive.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taking a failed bulk load back out: only its own events go, and the counter is rewound only when that is safe. */
class BulkAppendUndoTest {

    @TempDir
    Path dataDirectory;

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private SequencedMongoEventStorageEngine engine;

    @BeforeEach
    void start() {
        server = new MongoServer(new H2Backend(dataDirectory.resolve("events.mv").toString()));
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("undo");
        engine = SequencedMongoEventStorageEngine.builder().database(database)
                .eventSerializer(JacksonSerializer.defaultSerializer()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void removesTheLoadsEventsAndPutsTheCounterBack() {
        engine.appendEvents(events("earlier", 3));
        BulkAppendUndo undo = new BulkAppendUndo(database);
        BulkAppendUndo.Mark mark = undo.mark();
        List<? extends EventMessage<?>> load = events("loaded", 250);
        engine.appendEvents(load.subList(0, 100));
        engine.appendEvents(load.subList(100, 200));

        BulkAppendUndo.Outcome outcome = undo.undo(mark, load.stream().map(EventMessage::getIdentifier).toList());

        assertThat(outcome).isEqualTo(new BulkAppendUndo.Outcome(200, true));
        assertThat(storedEvents()).isEqualTo(3);
        assertThat(counter()).isEqualTo(3);
        engine.appendEvents(events("next", 1));
        assertThat(database.getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION)
                .find(new Document("aggregateIdentifier", "next")).first().get("_id", Number.class).longValue()).isEqualTo(4);
    }

    @Test
    void leavesTheCounterWhenAnotherWriterAppendedSinceTheMark() {
        BulkAppendUndo undo = new BulkAppendUndo(database);
        BulkAppendUndo.Mark mark = undo.mark();
        List<? extends EventMessage<?>> load = events("loaded", 10);
        engine.appendEvents(load);
        engine.appendEvents(events("someone-else", 2));

        BulkAppendUndo.Outcome outcome = undo.undo(mark, load.stream().map(EventMessage::getIdentifier).toList());

        assertThat(outcome).isEqualTo(new BulkAppendUndo.Outcome(10, false));
        assertThat(storedEvents()).as("the other writer's events stay").isEqualTo(2);
        assertThat(counter()).as("never hand out the other writer's indexes again").isEqualTo(12);
    }

    private static List<? extends EventMessage<?>> events(String aggregate, int count) {
        return IntStream.range(0, count)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Test", aggregate, sequence, "payload " + sequence))
                .toList();
    }

    private long storedEvents() {
        return database.getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION).countDocuments();
    }

    private long counter() {
        return database.getCollection(SequencedMongoEventStorageEngine.SEQUENCE_COLLECTION).find().first()
                .get("value", Number.class).longValue();
    }
}
