package org.palimpsest.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteIsInTheStoreFileWhenTheAnswerArrives() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("live"), 0, false);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoCollection<Document> events = client.getDatabase("db").getCollection("events");
            List<Path> snapshots = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.insertOne(new Document("_id", i));
                // What a kill -9 right after this answer would leave on disk.
                Path snapshot = dir.resolve("after-" + i + ".mv.db");
                Files.copy(server.file(), snapshot);
                snapshots.add(snapshot);
            }
            for (int i = 0; i < snapshots.size(); i++) {
                assertThat(countIn(snapshots.get(i))).as("documents in the file after the answer to insert %d", i).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void writesNotWaitedForAreInTheFileWithTheFirstDurableWriteAfterThem() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("ordered"), 0, false);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            // As a projection writes its views (not waited for) and then its token (durable).
            MongoCollection<Document> views = client.getDatabase("db").getCollection("views")
                    .withWriteConcern(WriteConcern.W1.withJournal(false));
            for (int i = 0; i < 50; i++) {
                views.insertOne(new Document("_id", i));
            }
            client.getDatabase("db").getCollection("tokens").insertOne(new Document("_id", "token"));
            Path snapshot = dir.resolve("after-token.mv.db");
            Files.copy(server.file(), snapshot);
            assertThat(countIn(snapshot, "views")).isEqualTo(50);
        }
    }

    @Test
    void aClientWithoutTheProcesssSecretIsRefused() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("gate"), 0, false)) {
            String uri = server.connectionString("db");
            String withoutSecret = uri.substring(0, uri.indexOf('?'));
            try (MongoClient stranger = MongoClients.create(withoutSecret)) {
                assertThatThrownBy(() -> stranger.getDatabase("db").getCollection("events").countDocuments())
                        .isInstanceOf(MongoCommandException.class)
                        .satisfies(e -> assertThat(((MongoCommandException) e).getErrorCode()).isEqualTo(13));
            }
            try (MongoClient owner = MongoClients.create(uri)) {
                owner.getDatabase("db").getCollection("events").insertOne(new Document("_id", 1));
                assertThat(owner.getDatabase("db").getCollection("events").countDocuments()).isEqualTo(1);
            }
        }
    }

    @Test
    void theConnectionStringWithItsSecretIsLeftForTheOwnerOnlyAndRemovedOnClose() throws Exception {
        Path data = dir.resolve("uri");
        Path uriFile = data.resolve(EmbeddedMongoServer.URI_FILE);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true)) {
            assertThat(Files.readString(uriFile).trim()).isEqualTo(server.connectionString("palimpsest"));
            assertThat(Files.getPosixFilePermissions(uriFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(uriFile).doesNotExist();
    }

    private static long countIn(Path storeFile) {
        return countIn(storeFile, "events");
    }

    private static long countIn(Path storeFile, String collection) {
        // Documents are stored as BSON (BsonDocumentType): the store's own backend reads them.
        MongoServer reader = new MongoServer(new CompactH2Backend(MVStore.open(storeFile.toString())));
        try (MongoClient client = MongoClients.create(reader.bindAndGetConnectionString())) {
            return client.getDatabase("db").getCollection(collection).countDocuments();
        } finally {
            reader.shutdown();
        }
    }
}
