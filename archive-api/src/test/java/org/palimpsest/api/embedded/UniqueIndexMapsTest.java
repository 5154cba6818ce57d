package org.palimpsest.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unique indexes live in maps of {@link IndexKeyType}: a store whose indexes mongo-java-server's own backend wrote
 * opens with every index rebuilt and enforced, and dropping or renaming takes an index's map along.
 */
class UniqueIndexMapsTest {

    private static final int DOCUMENTS = 300;

    @TempDir
    Path dir;

    @Test
    void aStoreWithIndexesInH2sSerializedOrderOpensWithEveryIndexFindingEveryDocumentAndRefusingDuplicates()
            throws Exception {
        Path data = dir.resolve("upgrade");
        data.toFile().mkdirs();
        // As every embedded store before IndexKeyType was written (CompactH2Backend changed only the documents'
        // values): mongo-java-server's H2 backend, its unique indexes in maps of H2's default type.
        MongoServer earlier = new MongoServer(new H2Backend(data.resolve(EmbeddedMongoServer.STORE_FILE).toString()));
        try (MongoClient client = MongoClients.create(earlier.bindAndGetConnectionString())) {
            MongoDatabase db = client.getDatabase("db");
            createIndexes(db);
            for (int i = 0; i < DOCUMENTS; i++) {
                db.getCollection("events").insertOne(event(i));
                db.getCollection("tokens").insertOne(token(i));
            }
        } finally {
            earlier.shutdown();
        }
        assertThat(indexMaps(data)).anyMatch(name -> name.contains("._index_")).noneMatch(name -> name.contains("._keys_"));

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoDatabase db = client.getDatabase("db");
            assertEveryDocumentFoundThroughEveryIndex(db, DOCUMENTS);
            assertEveryIndexRefusesDuplicates(db);
            // Writes after the upgrade land in the new maps.
            db.getCollection("events").insertOne(event(DOCUMENTS));
            db.getCollection("tokens").insertOne(token(DOCUMENTS));
        }
        assertThat(indexMaps(data)).noneMatch(name -> name.contains("._index_"))
                .contains("db.events._keys__id_", "db.events._keys_key_unique", "db.events._keys_aggregate_sequence",
                        "db.tokens._keys__id_", "db.tokens._keys_owner_unique");

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoDatabase db = client.getDatabase("db");
            assertEveryDocumentFoundThroughEveryIndex(db, DOCUMENTS + 1);
            assertEveryIndexRefusesDuplicates(db);
        }
    }

    @Test
    void aDuplicateIsRefusedAfterARestart() {
        Path data = dir.resolve("restart");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoDatabase db = client.getDatabase("db");
            createIndexes(db);
            for (int i = 0; i < DOCUMENTS; i++) {
                db.getCollection("events").insertOne(event(i));
                db.getCollection("tokens").insertOne(token(i));
            }
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoDatabase db = client.getDatabase("db");
            assertEveryIndexRefusesDuplicates(db);
            assertEveryDocumentFoundThroughEveryIndex(db, DOCUMENTS);
        }
    }

    @Test
    void droppingAnIndexACollectionOrADatabaseRemovesTheIndexMaps() {
        Path data = dir.resolve("drops");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoDatabase db = client.getDatabase("db");
            createIndexes(db);
            MongoDatabase other = client.getDatabase("other");
            other.getCollection("kept").createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            for (int i = 0; i < 20; i++) {
                db.getCollection("events").insertOne(event(i));
                db.getCollection("tokens").insertOne(token(i));
                other.getCollection("kept").insertOne(new Document("_id", i).append("key", "k" + i));
            }
            db.getCollection("events").dropIndex("key_unique");
            db.getCollection("events").deleteMany(Filters.empty());
            db.getCollection("tokens").drop();
            // The same names again start empty: a map left behind would still hold the keys of the documents above,
            // and refuse these as duplicates.
            db.getCollection("events").createIndex(Indexes.ascending("key"),
                    new IndexOptions().unique(true).name("key_unique"));
            db.getCollection("tokens").createIndex(Indexes.ascending("owner"),
                    new IndexOptions().unique(true).sparse(true).name("owner_unique"));
            db.getCollection("events").insertOne(event(3));
            db.getCollection("tokens").insertOne(token(4));
            db.getCollection("tokens").drop();
            client.getDatabase("gone").getCollection("c").createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            client.getDatabase("gone").getCollection("c").insertOne(new Document("key", 1));
            client.getDatabase("gone").drop();
        }
        assertThat(indexMaps(data)).containsExactlyInAnyOrder("db.events._keys__id_", "db.events._keys_key_unique",
                "db.events._keys_aggregate_sequence", "other.kept._keys__id_", "other.kept._keys_key_1");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoCollection<Document> events = client.getDatabase("db").getCollection("events");
            assertThat(events.find(Filters.eq("key", "key-3")).into(new ArrayList<>())).containsExactly(event(3));
            assertThat(client.getDatabase("other").getCollection("kept").find(Filters.eq("key", "k7")).first())
                    .isEqualTo(new Document("_id", 7).append("key", "k7"));
        }
    }

    @Test
    void aRenamedCollectionKeepsItsDocumentsAndIndexesAcrossARestart() {
        Path data = dir.resolve("rename");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoDatabase db = client.getDatabase("db");
            createIndexes(db);
            for (int i = 0; i < DOCUMENTS; i++) {
                db.getCollection("events").insertOne(event(i));
            }
            db.getCollection("events").renameCollection(new MongoNamespace("db", "renamed"));
            db.getCollection("renamed").insertOne(event(DOCUMENTS));
        }
        assertThat(indexMaps(data)).noneMatch(name -> name.startsWith("db.events."));
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoCollection<Document> renamed = client.getDatabase("db").getCollection("renamed");
            assertThat(renamed.countDocuments()).isEqualTo(DOCUMENTS + 1);
            assertFoundThroughEachIndex(renamed, DOCUMENTS + 1, UniqueIndexMapsTest::event, EVENT_LOOKUPS);
            assertThatThrownBy(() -> renamed.insertOne(event(5).append("_id", -1L)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThat(client.getDatabase("db").getCollection("events").countDocuments()).isZero();
        }
    }

    private static void createIndexes(MongoDatabase db) {
        MongoCollection<Document> events = db.getCollection("events");
        events.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key_unique"));
        events.createIndex(Indexes.ascending("aggregate", "sequence"),
                new IndexOptions().unique(true).name("aggregate_sequence"));
        db.getCollection("tokens").createIndex(Indexes.ascending("owner"),
                new IndexOptions().unique(true).sparse(true).name("owner_unique"));
    }

    /** An event as the event store keeps one: a long {@code _id}, a string key and a compound key. */
    private static Document event(int i) {
        return new Document("_id", (long) i).append("key", "key-" + i).append("aggregate", "aggregate-" + i / 10)
                .append("sequence", i % 10).append("payload", new Document("text", "본문 " + i));
    }

    /** A token as Axon's token store keeps one: an object id, and an owner only on every other one (sparse). */
    private static Document token(int i) {
        Document token = new Document("_id", new ObjectId(String.format("%024x", i))).append("segment", i);
        return i % 2 == 0 ? token.append("owner", "node-" + i) : token;
    }

    private static final List<Function<Document, Bson>> EVENT_LOOKUPS = List.of(
            event -> Filters.eq("_id", event.get("_id")),
            event -> Filters.eq("key", event.get("key")),
            event -> Filters.and(Filters.eq("aggregate", event.get("aggregate")),
                    Filters.eq("sequence", event.get("sequence"))),
            event -> Filters.in("_id", event.get("_id"), -5L));

    private static final List<Function<Document, Bson>> TOKEN_LOOKUPS = List.of(
            token -> Filters.eq("_id", token.get("_id")),
            token -> token.containsKey("owner") ? Filters.eq("owner", token.get("owner")) : Filters.eq("_id", token.get("_id")));

    private static void assertEveryDocumentFoundThroughEveryIndex(MongoDatabase db, int count) {
        assertFoundThroughEachIndex(db.getCollection("events"), count, UniqueIndexMapsTest::event, EVENT_LOOKUPS);
        assertFoundThroughEachIndex(db.getCollection("tokens"), count, UniqueIndexMapsTest::token, TOKEN_LOOKUPS);
    }

    /**
     * Each document found by each lookup. The embedded server answers a query on the fields of a unique index from
     * the index alone, so a key missing from an index is a document not found.
     */
    private static void assertFoundThroughEachIndex(MongoCollection<Document> collection, int count,
                                                    java.util.function.IntFunction<Document> expected,
                                                    List<Function<Document, Bson>> lookups) {
        int found = 0;
        for (int i = 0; i < count; i++) {
            Document document = expected.apply(i);
            for (Function<Document, Bson> lookup : lookups) {
                assertThat(collection.find(lookup.apply(document)).into(new ArrayList<>()))
                        .as("%s by %s", collection.getNamespace(), lookup.apply(document))
                        .containsExactly(document);
                found++;
            }
        }
        assertThat(found).isEqualTo(count * lookups.size());
    }

    private static void assertEveryIndexRefusesDuplicates(MongoDatabase db) {
        MongoCollection<Document> events = db.getCollection("events");
        MongoCollection<Document> tokens = db.getCollection("tokens");
        List<Runnable> duplicates = List.of(
                () -> events.insertOne(event(7).append("key", "fresh").append("aggregate", "fresh")),
                () -> events.insertOne(event(7).append("_id", -7L).append("aggregate", "fresh")),
                () -> events.insertOne(event(7).append("_id", -7L).append("key", "fresh")),
                () -> tokens.insertOne(token(8).append("owner", "fresh")),
                () -> tokens.insertOne(token(8).append("_id", new ObjectId())));
        for (Runnable duplicate : duplicates) {
            assertThatThrownBy(duplicate::run)
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        }
        long before = events.countDocuments();
        events.insertOne(event(7).append("_id", -7L).append("key", "fresh").append("aggregate", "fresh"));
        assertThat(events.countDocuments()).isEqualTo(before + 1);
        events.deleteOne(Filters.eq("_id", -7L));
    }

    private static Set<String> indexMaps(Path data) {
        MVStore store = new MVStore.Builder().fileName(data.resolve(EmbeddedMongoServer.STORE_FILE).toString())
                .readOnly().open();
        try {
            Set<String> names = new TreeSet<>();
            store.getMapNames().stream().filter(name -> name.contains("._index_") || name.contains("._keys_"))
                    .forEach(names::add);
            return names;
        } finally {
            store.close();
        }
    }
}
