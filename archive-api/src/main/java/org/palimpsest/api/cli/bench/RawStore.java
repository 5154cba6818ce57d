package org.palimpsest.api.cli.bench;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.bson.BsonDocument;
import org.bson.Document;
import org.palimpsest.api.embedded.EmbeddedMongoServer;

import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Sorts.ascending;

/**
 * A second embedded store, started the way the archive starts its own (same commit-to-disk setting, same write
 * concern), where the raw driver sets the rates the archive is compared with, and the engine bench keeps its
 * 200 000 events out of the archive's data directory.
 */
final class RawStore implements AutoCloseable {

    static final int BATCH = 100;

    private final EmbeddedMongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;

    RawStore(Path dir, boolean forceToDisk, WriteConcern writeConcern) {
        this.server = EmbeddedMongoServer.start(dir, 0, forceToDisk);
        this.client = MongoClients.create(server.connectionString("bench"));
        this.database = client.getDatabase("bench").withWriteConcern(writeConcern);
    }

    MongoDatabase database() {
        return database;
    }

    /** Gives {@code collection} a unique ascending index on each of {@code keys} (each a list of fields). */
    void createUniqueIndexes(String collection, List<List<String>> keys) {
        MongoCollection<Document> target = database.getCollection(collection);
        for (List<String> fields : keys) {
            target.createIndex(Indexes.ascending(fields), new IndexOptions().unique(true));
        }
    }

    /** Documents per second through {@code insertMany} in batches of {@value #BATCH}. */
    double insertMany(String collection, int count, IntFunction<Document> document) {
        MongoCollection<Document> target = database.getCollection(collection);
        List<Document> batch = new ArrayList<>(BATCH);
        Stopwatch watch = Stopwatch.start();
        for (int i = 0; i < count; i++) {
            batch.add(document.apply(i));
            if (batch.size() == BATCH || i == count - 1) {
                target.insertMany(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        return watch.rate(count);
    }

    /** Documents per second through {@code bulkWrite} of inserts in batches of {@value #BATCH}, as a projection would flush. */
    double bulkWrite(String collection, int count, IntFunction<Document> document) {
        MongoCollection<Document> target = database.getCollection(collection);
        List<InsertOneModel<Document>> batch = new ArrayList<>(BATCH);
        Stopwatch watch = Stopwatch.start();
        for (int i = 0; i < count; i++) {
            batch.add(new InsertOneModel<>(document.apply(i)));
            if (batch.size() == BATCH || i == count - 1) {
                target.bulkWrite(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        return watch.rate(count);
    }

    /** Documents per second read by a sorted {@code find} from {@code _id >= from}, {@code count} of them. */
    double find(String collection, long from, int count) {
        Stopwatch watch = Stopwatch.start();
        int read = 0;
        for (BsonDocument ignored : database.getCollection(collection, BsonDocument.class)
                .find(gte("_id", from)).sort(ascending("_id")).limit(count)) {
            read++;
        }
        if (read != count) {
            throw new IllegalStateException("raw find read " + read + " documents, expected " + count);
        }
        return watch.rate(count);
    }

    /** Single acknowledged inserts per second from {@code writers} concurrent clients, {@code count} in all. */
    double concurrentInserts(String collection, int count, int writers, IntFunction<Document> document) throws Exception {
        MongoCollection<Document> target = database.getCollection(collection);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            Stopwatch watch = Stopwatch.start();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        target.insertOne(document.apply(i));
                    }
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            return watch.rate(count);
        } finally {
            pool.shutdown();
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
