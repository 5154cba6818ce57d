package org.palimpsest.archive.projection.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.projection.TextStore;

/**
 * A timeline written before texts were shared: its followed documents carry their text and the keys of their entries,
 * which were kept whole in {@code timeline_entries}. It answers as before, and the next change of a document writes it
 * in the present form and deletes the entries it no longer needs.
 */
class TimelineStoredBeforeSharedTextsTest {

    private static final Instant T0 = Instant.parse("2025-05-02T09:00:00Z");
    private static final NameCatalog NAMES = NameCatalog.parse("[]");
    private static final String TEXT = "In March 2015 the board met.\n\nOn 4 June 2016 the ferry ran aground.\n";

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private List<TimelineEntry> imported;

    @BeforeEach
    void writeAStoreAsTheEarlierCodeLeftIt() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("legacy_test");
        TimelineProjection timeline = new TimelineProjection(database, NAMES);
        timeline.on(new DocumentImported("doc", new DocumentSource(null, null, T0), "Board", "en", "2017-01-01", TEXT,
                "hash", "editor"), T0, new GlobalSequenceTrackingToken(1));
        imported = sorted(timeline.entries(null, null));
        assertThat(imported).hasSize(2);
        // The versions were written then as they are now (ADR 10); the followed document and the entries now were not.
        database.getCollection(TimelineProjection.ENTRIES, TimelineEntry.class).insertMany(imported);
        database.getCollection(TimelineProjection.DOCUMENTS).replaceOne(Filters.eq("_id", "doc"), new Document("_id", "doc")
                .append("title", "Board").append("language", "en").append("publishedAt", "2017-01-01")
                .append("revision", 0L).append("text", TEXT)
                .append("derivedKeys", imported.stream().map(TimelineEntry::key).toList()).append("position", 1L));
        database.getCollection(TextStore.COLLECTION).drop();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private static List<TimelineEntry> sorted(List<TimelineEntry> entries) {
        return entries.stream().sorted(Comparator.comparing(TimelineEntry::key)).toList();
    }

    @Test
    void itAnswersAsBeforeNowAndAsOf() {
        TimelineProjection reopened = new TimelineProjection(database, NAMES);

        assertThat(sorted(reopened.entries(null, null))).isEqualTo(imported);
        assertThat(sorted(reopened.entries(1L, null))).isEqualTo(imported);
    }

    @Test
    void theNextFixWritesTheDocumentAnewAndDeletesItsWholeEntries() {
        TimelineProjection reopened = new TimelineProjection(database, NAMES);
        TextChange change = new TextChange(TEXT.indexOf("2016"), "2016", "2014");

        reopened.on(new TranslationFixAccepted("doc", "f1", change, 1, false, "editor", null), T0.plusSeconds(5),
                new GlobalSequenceTrackingToken(2));

        assertThat(reopened.entries(null, null)).extracting(TimelineEntry::iso).containsExactlyInAnyOrder("2015-03",
                "2014-06-04");
        assertThat(sorted(reopened.entries(1L, null))).as("as of the import, still").isEqualTo(imported);
        assertThat(database.getCollection(TimelineProjection.ENTRIES).countDocuments()).isZero();
        Document followed = database.getCollection(TimelineProjection.DOCUMENTS).find(Filters.eq("_id", "doc")).first();
        assertThat(followed).doesNotContainKey("text").containsEntry("textHash", TextStore.hash(change.applyTo(TEXT)));
        assertThat(new TimelineProjection(database, NAMES).entries(null, null)).as("after a restart").hasSize(2);
    }
}
