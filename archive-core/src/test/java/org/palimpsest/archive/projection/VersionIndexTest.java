package org.palimpsest.archive.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import java.util.OptionalLong;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The version index survives the redeliveries a crash causes: the same event never makes two versions. */
class VersionIndexTest {

    private static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private VersionIndex index;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("versions");
        index = new VersionIndex(database, "views_versions");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void appendingTheSamePositionAgainReturnsTheVersionAlreadyRecorded() {
        assertThat(index.append("doc", 4, T)).isZero();
        assertThat(index.append("doc", 9, T.plusSeconds(1))).isEqualTo(1);
        assertThat(index.append("doc", 9, T.plusSeconds(1))).as("redelivered event").isEqualTo(1);
        assertThat(index.append("doc", 12, T.plusSeconds(2))).isEqualTo(2);
        assertThat(index.stamps("doc")).extracting(VersionIndex.Stamp::position).containsExactly(4L, 9L, 12L);
    }

    @Test
    void eventsWithoutATrackingTokenEachMakeAVersion() {
        assertThat(index.append("doc", -1, T)).isZero();
        assertThat(index.append("doc", -1, T.plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void anEntryLeftInABlockByACrashBeforeTheDirectoryWriteIsNeitherCountedNorDoubled() {
        // The first block lives in the directory, written at once; a crash can part a later block from it.
        for (int v = 0; v < VersionIndex.BLOCK; v++) {
            index.append("doc", v, T.plusSeconds(v));
        }
        index.append("doc", 1_000, T.plusSeconds(1_000));
        index.append("doc", 1_009, T.plusSeconds(1_009));
        // A crash after the block push of position 1 012 and before the directory write.
        database.getCollection("views_versions_blocks").updateOne(Filters.eq("_id", "doc#1"),
                Updates.combine(Updates.push("positions", 1_012L), Updates.push("times", T.plusSeconds(1_012))));
        assertThat(index.versionAt("doc", 2_000)).as("not counted yet").isEqualTo(OptionalLong.of(257));
        assertThat(index.stamps("doc")).hasSize(258);

        assertThat(index.append("doc", 1_012, T.plusSeconds(1_012))).as("the redelivered event").isEqualTo(258);
        Document block = database.getCollection("views_versions_blocks").find(Filters.eq("_id", "doc#1")).first();
        assertThat(block.getList("positions", Long.class)).containsExactly(1_000L, 1_009L, 1_012L);
        assertThat(index.versionAt("doc", 2_000)).isEqualTo(OptionalLong.of(258));
        assertThat(index.versionAt("doc", 1_010)).isEqualTo(OptionalLong.of(257));
        assertThat(index.versionAt("doc", 100)).isEqualTo(OptionalLong.of(100));
    }

    @Test
    void aSubjectWithFewerVersionsThanABlockIsOneRecord() {
        for (int v = 0; v < 10; v++) {
            index.append("doc", 10L * v, T.plusSeconds(v));
        }

        assertThat(database.getCollection("views_versions_blocks").countDocuments()).isZero();
        assertThat(database.getCollection("views_versions_directory").countDocuments()).isOne();
        assertThat(index.versionAt("doc", 55)).isEqualTo(OptionalLong.of(5));
        assertThat(index.versionAt("doc", T.plusSeconds(7))).isEqualTo(OptionalLong.of(7));
    }

    @Test
    void aDirectoryWrittenBeforeItHeldTheFirstBlockGoesOnWithItsBlocks() {
        // As earlier code left it: the first block a record of its own.
        database.getCollection("views_versions_directory").insertOne(new Document("_id", "doc").append("count", 2L)
                .append("firstPositions", java.util.List.of(4L)).append("firstTimes", java.util.List.of(T))
                .append("lastPosition", 9L));
        database.getCollection("views_versions_blocks").insertOne(new Document("_id", "doc#0")
                .append("positions", java.util.List.of(4L, 9L)).append("times", java.util.List.of(T, T.plusSeconds(1))));

        assertThat(index.versionAt("doc", 5)).isEqualTo(OptionalLong.of(0));
        assertThat(index.append("doc", 12, T.plusSeconds(2))).isEqualTo(2);
        assertThat(index.stamps("doc")).extracting(VersionIndex.Stamp::position).containsExactly(4L, 9L, 12L);
        assertThat(database.getCollection("views_versions_blocks").find(Filters.eq("_id", "doc#0")).first()
                .getList("positions", Long.class)).containsExactly(4L, 9L, 12L);
    }

    @Test
    void anyPositionUpToTheLastRecordedIsARedeliveryOfTheVersionRecordedThen() {
        // A batch flushed in part (the index written, the view not) makes every event of the batch come again,
        // not only the last one.
        index.append("doc", 4, T);
        index.append("doc", 9, T.plusSeconds(1));
        index.append("doc", 12, T.plusSeconds(2));

        assertThat(index.append("doc", 9, T.plusSeconds(1))).as("the redelivered event").isEqualTo(1);
        assertThat(index.append("doc", 4, T)).isZero();
        assertThat(index.stamps("doc")).extracting(VersionIndex.Stamp::position).containsExactly(4L, 9L, 12L);
        assertThat(index.append("doc", 15, T.plusSeconds(3))).isEqualTo(3);
    }
}
