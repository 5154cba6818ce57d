package org.palimpsest.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code $in} answered by set gives what mongo-java-server's own matcher gives: the same random documents and queries
 * against the stock H2 backend and against the embedded store, on a field scanned for and on {@code _id} (found
 * through its unique index, then tested again), with values of every plain kind, numbers of all three types that are
 * equal as numbers, and documents and queries that the set cannot answer (arrays, nulls, missing fields, regular
 * expressions).
 */
class InSetCollectionTest {

    private static final int DOCUMENTS = 300;
    private static final int QUERIES = 200;

    @TempDir
    Path dir;

    @Test
    void answersEveryInQueryAsMongoJavaServersMatcherDoes() {
        Random random = new Random(5);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Document document = new Document("_id", i % 3 == 0 ? (Object) (long) i : i % 3 == 1 ? (Object) ("id-" + i) : (Object) i);
            if (random.nextInt(10) > 0) {
                document.append("v", value(random, true));
            }
            documents.add(document);
        }
        MongoServer stock = new MongoServer(H2Backend.inMemory());
        try (EmbeddedMongoServer embedded = EmbeddedMongoServer.start(dir.resolve("in"), 0, false);
             MongoClient reference = client(stock.bindAndGetConnectionString());
             MongoClient ours = client(embedded.connectionString("db"))) {
            MongoCollection<Document> expected = reference.getDatabase("db").getCollection("c");
            MongoCollection<Document> actual = ours.getDatabase("db").getCollection("c");
            expected.insertMany(documents);
            actual.insertMany(documents);

            int matched = 0;
            for (int q = 0; q < QUERIES; q++) {
                List<Object> listed = new ArrayList<>();
                int size = 1 + random.nextInt(12);
                for (int n = 0; n < size; n++) {
                    listed.add(random.nextInt(4) == 0 ? documents.get(random.nextInt(DOCUMENTS)).get("_id") : value(random, q % 5 == 0));
                }
                for (Bson query : List.of(Filters.in("v", listed), Filters.in("_id", listed))) {
                    List<Object> found = ids(actual, query);
                    assertThat(found).as("%s", query).isEqualTo(ids(expected, query));
                    matched += found.size();
                }
            }
            assertThat(matched).as("documents matched over all queries").isGreaterThan(QUERIES);
        } finally {
            stock.shutdown();
        }
    }

    /** A value of some kind, small pools so that equal ones meet; {@code odd} adds what the set cannot answer. */
    private static Object value(Random random, boolean odd) {
        int pick = random.nextInt(5);
        return switch (random.nextInt(odd ? 14 : 10)) {
            case 0 -> pick;
            case 1 -> (long) pick;
            case 2 -> pick + (random.nextBoolean() ? 0.0 : 0.5);
            case 3 -> new double[] {-0.0, Double.NaN, 9_007_199_254_740_993.0}[pick % 3];
            case 4 -> (1L << 53) + pick;
            case 5 -> "s" + pick;
            case 6 -> pick % 2 == 0;
            case 7 -> new Date(1_700_000_000_000L + pick);
            case 8 -> new ObjectId(String.format("%024x", pick));
            case 9 -> new UUID(pick, pick);
            case 10 -> Arrays.asList(pick, "s" + pick);
            case 11 -> new Document("n", pick);
            case 12 -> Pattern.compile("s[0-" + pick + "]");
            default -> null;
        };
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson query) {
        List<Object> ids = new ArrayList<>();
        collection.find(query).forEach(document -> ids.add(document.get("_id")));
        ids.sort((a, b) -> a.toString().compareTo(b.toString()));
        return ids;
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
    }
}
