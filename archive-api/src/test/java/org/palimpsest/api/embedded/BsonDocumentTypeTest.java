package org.palimpsest.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BsonDocumentTypeTest {

    @TempDir
    Path dir;

    @Test
    void aStoreWrittenWithJavaSerializedDocumentsOpensAndMixesBothForms() throws Exception {
        Path data = dir.resolve("upgrade");
        data.toFile().mkdirs();
        // As every embedded store before this type was written: mongo-java-server's H2 backend on its own.
        MongoServer earlier = new MongoServer(new H2Backend(data.resolve(EmbeddedMongoServer.STORE_FILE).toString()));
        try (MongoClient client = MongoClients.create(earlier.bindAndGetConnectionString())) {
            MongoCollection<Document> views = client.getDatabase("db").getCollection("views");
            for (int i = 0; i < 30; i++) {
                views.insertOne(sample(i));
            }
        } finally {
            earlier.shutdown();
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoCollection<Document> views = client.getDatabase("db").getCollection("views");
            assertThat(views.find().sort(new Document("_id", 1)).into(new ArrayList<>())).isEqualTo(samples(0, 30));
            views.updateMany(Filters.lt("_id", 10), Updates.set("revised", true));
            for (int i = 30; i < 40; i++) {
                views.insertOne(sample(i));
            }
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString("db"))) {
            MongoCollection<Document> views = client.getDatabase("db").getCollection("views");
            List<Document> expected = samples(0, 40);
            expected.subList(0, 10).forEach(d -> d.append("revised", true));
            assertThat(views.find().sort(new Document("_id", 1)).into(new ArrayList<>())).isEqualTo(expected);
            assertThat(views.find(Filters.eq("nested.list", "b7")).first()).isEqualTo(sample(7).append("revised", true));
        }
    }

    @Test
    void aDocumentTakesLessThanItsJavaSerialization() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "view-1")
                .append("title", "a title").append("revision", 3).append("position", 123_456L)
                .append("segments", List.of(new de.bwaldvogel.mongo.bson.Document("start", 0).append("end", 40)
                        .append("kind", "paragraph"), new de.bwaldvogel.mongo.bson.Document("start", 41).append("end", 90)
                        .append("kind", "heading")));
        WriteBuffer bson = new WriteBuffer();
        BsonDocumentType type = new BsonDocumentType();
        type.write(bson, document);
        WriteBuffer serialized = new WriteBuffer();
        new ObjectDataType().write(serialized, document);
        assertThat(bson.position()).isLessThan(serialized.position() / 2);

        ByteBuffer stored = bson.getBuffer().flip();
        assertThat(type.read(stored)).isEqualTo(document);
        assertThat(stored.remaining()).isZero();
    }

    private static List<Document> samples(int from, int to) {
        List<Document> documents = new ArrayList<>();
        for (int i = from; i < to; i++) {
            documents.add(sample(i));
        }
        return documents;
    }

    /** Every BSON type the archive's documents hold, nested. */
    private static Document sample(int i) {
        return new Document("_id", i)
                .append("text", "본문 " + i + " 本文 text")
                .append("count", i)
                .append("position", 1_000_000_000_000L + i)
                .append("ratio", i / 4.0)
                .append("price", new Decimal128(i))
                .append("at", Date.from(Instant.ofEpochSecond(1_700_000_000L + i)))
                .append("object", new ObjectId(new Date(1_700_000_000_000L), i))
                .append("bytes", new Binary(new byte[]{(byte) i, 2, 3}))
                .append("flag", i % 2 == 0)
                .append("missing", null)
                .append("nested", new Document("list", List.of("a" + i, "b" + i)).append("deeper", new Document("n", i)));
    }
}
