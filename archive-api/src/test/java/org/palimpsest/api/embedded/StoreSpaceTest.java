package org.palimpsest.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store file grows with what is live, not with what was ever written: dead chunks are reused at once, and a
 * dropped collection's space is given back before the drop is answered. Payloads are random, so the page
 * compression cannot pass these tests on its own.
 */
class StoreSpaceTest {

    private static final int PAYLOAD_BYTES = 2_000;

    @TempDir
    Path dir;

    private final Random random = new Random(7);

    @Test
    void theFileStaysWithinABoundOfItsLiveDataAfterManyOverwrites() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("overwrites"), 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoCollection<Document> views = client.getDatabase("db").getCollection("views");
            int documents = 40;
            int rounds = 25;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < documents; i++) {
                    views.replaceOne(Filters.eq("_id", i), new Document("_id", i).append("payload", payload()),
                            new com.mongodb.client.model.ReplaceOptions().upsert(true));
                }
            }
            long live = (long) documents * PAYLOAD_BYTES;
            long written = live * rounds;
            // 1 000 durable writes, each its own commit of at least a leaf page and the maps' roots: megabytes
            // written in a few seconds. H2's default retention of 45 s kept every one of those chunks.
            assertThat(Files.size(server.file()))
                    .as("store file after %,d bytes written over %,d live", written, live)
                    .isLessThan(12 * live);
            assertThat(views.countDocuments()).isEqualTo(documents);
        }
    }

    @Test
    void droppingACollectionGivesItsSpaceBackBeforeTheAnswer() throws Exception {
        Path data = dir.resolve("drop");
        List<String> kept = new ArrayList<>();
        long keptBytes;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoCollection<Document> replaced = client.getDatabase("db").getCollection("views_g0");
            MongoCollection<Document> current = client.getDatabase("db").getCollection("views_g1");
            for (int i = 0; i < 1_500; i++) {
                replaced.insertOne(new Document("_id", i).append("payload", payload()));
            }
            for (int i = 0; i < 150; i++) {
                String payload = payload();
                kept.add(payload);
                current.insertOne(new Document("_id", i).append("payload", payload));
            }
            keptBytes = (long) kept.size() * PAYLOAD_BYTES;
            long before = Files.size(server.file());
            assertThat(before).as("file holding both generations").isGreaterThan(1_500L * PAYLOAD_BYTES);

            replaced.drop();

            assertThat(Files.size(server.file()))
                    .as("file right after the drop was answered (it was %,d bytes)", before)
                    .isLessThan(4 * keptBytes);
            assertKept(current, kept);
        }
        // Compaction moved chunks about; the file must open again and hold every document.
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            assertKept(client.getDatabase("db").getCollection("views_g1"), kept);
            assertThat(client.getDatabase("db").listCollectionNames().into(new ArrayList<>())).doesNotContain("views_g0");
        }
    }

    /**
     * A blue/green rebuild as the store sees it: the generation it replaces was written first, the new one after it in
     * many small commits, then the old one is dropped. The hole it leaves is at the front; every chunk of the new
     * generation must move down into it before the drop is answered, not only the first megabyte H2 would pick.
     */
    @Test
    void droppingTheGenerationARebuildReplacedLeavesAFileTheSizeOfTheNewOne() throws Exception {
        Path data = dir.resolve("rebuild");
        List<String> kept = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoCollection<Document> replaced = client.getDatabase("db").getCollection("views");
            MongoCollection<Document> rebuilt = client.getDatabase("db").getCollection("views_g1");
            int documents = 1_500;
            for (int i = 0; i < documents; i++) {
                replaced.insertOne(new Document("_id", i).append("payload", payload()));
            }
            for (int i = 0; i < documents; i++) {
                String payload = payload();
                kept.add(payload);
                rebuilt.insertOne(new Document("_id", i).append("payload", payload));
            }
            long live = (long) documents * PAYLOAD_BYTES;
            long before = Files.size(server.file());

            replaced.drop();

            assertThat(Files.size(server.file()))
                    .as("file right after the drop was answered (it was %,d bytes, %,d live)", before, live)
                    .isLessThan(live * 3 / 2);
            assertKept(rebuilt, kept);
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            assertKept(client.getDatabase("db").getCollection("views_g1"), kept);
        }
    }

    @Test
    void readsRunningThroughCompactionsSeeWholeCollections() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("reads"), 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoCollection<Document> views = client.getDatabase("db").getCollection("views");
            int documents = 120;
            for (int i = 0; i < documents; i++) {
                views.insertOne(new Document("_id", i).append("payload", payload()));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService readers = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> scans = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    scans.add(readers.submit(() -> {
                        int done = 0;
                        while (writing.get() || done == 0) {
                            List<Document> all = views.find().into(new ArrayList<>());
                            assertThat(all).hasSize(documents);
                            assertThat(all).allSatisfy(d -> assertThat(d.getString("payload")).hasSize(payloadLength()));
                            done++;
                        }
                        return done;
                    }));
                }
                // Overwrites free chunks under the scans, and each drop of a scratch collection compacts the file
                // (rewrites and moves chunks) while they run.
                for (int round = 0; round < 4; round++) {
                    MongoCollection<Document> scratch = client.getDatabase("db").getCollection("scratch" + round);
                    for (int i = 0; i < 200; i++) {
                        scratch.insertOne(new Document("_id", i).append("payload", payload()));
                    }
                    for (int i = 0; i < documents; i += 3) {
                        views.replaceOne(Filters.eq("_id", i), new Document("_id", i).append("payload", payload()));
                    }
                    scratch.drop();
                }
                writing.set(false);
                for (Future<Integer> scan : scans) {
                    assertThat(scan.get()).isPositive();
                }
            } finally {
                writing.set(false);
                readers.shutdownNow();
            }
        }
    }

    private static void assertKept(MongoCollection<Document> current, List<String> kept) {
        List<Document> stored = current.find().sort(new Document("_id", 1)).into(new ArrayList<>());
        assertThat(stored).extracting(d -> d.getString("payload")).containsExactlyElementsOf(kept);
    }

    private String payload() {
        byte[] bytes = new byte[PAYLOAD_BYTES * 3 / 4];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static int payloadLength() {
        return PAYLOAD_BYTES;
    }
}
