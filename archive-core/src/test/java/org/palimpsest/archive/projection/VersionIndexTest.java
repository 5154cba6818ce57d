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
        index.append("doc", 4, T);
        index.append("doc", 9, T.plusSeconds(1));
        // A crash after the block push of position 12 and before the directory write.
        database.getCollection("views_versions_blocks").updateOne(Filters.eq("_id", "doc#0"),
                Updates.combine(Updates.push("positions", 12L), Updates.push("times", T.plusSeconds(2))));
        assertThat(index.versionAt("doc", 20)).as("not counted yet").isEqualTo(OptionalLong.of(1));
        assertThat(index.stamps("doc")).hasSize(2);

        assertThat(index.append("doc", 12, T.plusSeconds(2))).as("the redelivered event").isEqualTo(2);
        Document block = database.getCollection("views_versions_blocks").find(Filters.eq("_id", "doc#0")).first();
        assertThat(block.getList("positions", Long.class)).containsExactly(4L, 9L, 12L);
        assertThat(index.versionAt("doc", 20)).isEqualTo(OptionalLong.of(2));
        assertThat(index.versionAt("doc", 10)).isEqualTo(OptionalLong.of(1));
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
