package org.palimpsest.api.cli.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.palimpsest.api.embedded.EmbeddedMongoServer;

/**
 * What durable acknowledgement costs on the embedded store: small acknowledged inserts through the raw driver
 * on mongo-java-server as it comes (commits in the background, about once a second), on the archive's store
 * with commits before each answer, and with those commits also forced to disk; one writer and four.
 */
final class DurabilityBench {

    private static final int WRITES = 400;

    record Rates(double backgroundOne, double committedOne, double forcedOne, double forcedFour, String forcedCommits) {
    }

    static Rates measure(Path scratch) throws Exception {
        double background = backgroundCommitRate(Files.createDirectories(scratch.resolve("background")));
        double committed;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(scratch.resolve("committed"), 0, false)) {
            committed = rate(server.connectionString("bench"), 1);
        }
        double forcedOne;
        double forcedFour;
        String commits;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(scratch.resolve("forced"), 0, true)) {
            forcedOne = rate(server.connectionString("bench"), 1);
            forcedFour = rate(server.connectionString("bench"), 4);
            commits = server.commitSummary();
        }
        return new Rates(background, committed, forcedOne, forcedFour, commits);
    }

    private static double backgroundCommitRate(Path dir) throws Exception {
        MongoServer server = new MongoServer(new H2Backend(dir.resolve("plain.mv.db").toString()));
        try {
            return rate(server.bindAndGetConnectionString() + "/bench", 1);
        } finally {
            server.shutdown();
        }
    }

    /** Acknowledged single-document inserts per second with {@code writers} concurrent clients. */
    private static double rate(String uri, int writers) throws Exception {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase("bench").getCollection("writes_" + writers);
            collection.insertOne(new Document("warm", true));
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < WRITES; i = next.getAndIncrement()) {
                        collection.insertOne(new Document("n", i).append("text", "a small acknowledged write"));
                    }
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            return WRITES / seconds;
        }
    }

    private DurabilityBench() {
    }
}
