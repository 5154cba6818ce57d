package org.palimpsest.archive.projection.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixState;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixProposed;
import org.palimpsest.archive.projection.TextStore;

/**
 * Reading views written before texts were shared: each view now carries its text, fixes, segments and redactions,
 * and the texts its versions and revisions refer to are in {@code reading_view_contents}. They answer as before, and
 * the next event of a document stores its view in the present form.
 */
class ReadingViewsStoredBeforeSharedTextsTest {

    private static final Instant T0 = Instant.parse("2025-05-02T09:00:00Z");
    private static final String TEXT = "# Harbour notes\n\nThe ferry left at dawn. The harbour master wrote it down.\n";

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private ReadingView imported;

    @BeforeEach
    void writeViewsAsTheEarlierCodeLeftThem() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("legacy_test");
        ReadingViewProjection projection = new ReadingViewProjection(database);
        projection.on(new DocumentImported("doc", new DocumentSource(null, null, T0), "Harbour", "en", null, TEXT,
                "hash", "editor"), T0, new GlobalSequenceTrackingToken(1));
        projection.on(new TranslationFixProposed("doc", "f1", new FixTarget("dawn", null, null, null, null, null), "dusk",
                FixKind.TYPO, "it was evening", null, "annotator"), T0.plusSeconds(1), new GlobalSequenceTrackingToken(2));
        imported = new ReadingViewQueries(projection).handle(new FindReadingView("doc")).orElseThrow();
        // The view now as a whole record, and its text where the versions found it then.
        database.getCollection(ReadingViewProjection.VIEWS, ReadingView.class)
                .replaceOne(Filters.eq("_id", "doc"), imported);
        database.getCollection(ReadingViewStore.CONTENTS).insertOne(new Document("_id", TextStore.hash(TEXT))
                .append("value", TEXT));
        database.getCollection(TextStore.COLLECTION).drop();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void theyAnswerAsBeforeNowAsOfAndInListings() {
        ReadingViewQueries queries = new ReadingViewQueries(new ReadingViewProjection(database));

        assertThat(queries.handle(new FindReadingView("doc"))).contains(imported);
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 2L, null))).contains(imported);
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 1L, null)).orElseThrow().text()).isEqualTo(TEXT);
        assertThat(queries.handle(new FindRevision("doc", 0)).orElseThrow().text()).isEqualTo(TEXT);
        assertThat(queries.handle(new ListReadingViews(null, 0, 10, null, null)).items())
                .containsExactly(imported.summary());
    }

    @Test
    void theNextEventStoresTheViewWithoutItsContentsAndReadsItBack() {
        ReadingViewProjection projection = new ReadingViewProjection(database);
        TextChange change = new TextChange(TEXT.indexOf("dawn"), "dawn", "dusk");

        projection.on(new TranslationFixAccepted("doc", "f1", change, 1, false, "editor", null), T0.plusSeconds(2),
                new GlobalSequenceTrackingToken(3));

        Document stored = database.getCollection(ReadingViewProjection.VIEWS).find(Filters.eq("_id", "doc")).first();
        assertThat(stored.getString("text")).isEmpty();
        assertThat(stored.get("contents", Document.class).getString("text")).isEqualTo(TextStore.hash(change.applyTo(TEXT)));
        ReadingViewQueries restarted = new ReadingViewQueries(new ReadingViewProjection(database));
        ReadingView now = restarted.handle(new FindReadingView("doc")).orElseThrow();
        assertThat(now.text()).isEqualTo(change.applyTo(TEXT));
        assertThat(now.fixes()).extracting(FixView::state).containsExactly(FixState.ACCEPTED);
        assertThat(now.segments()).isNotEmpty();
        assertThat(restarted.handle(new FindReadingViewAsOf("doc", 2L, null))).contains(imported);
        assertThat(restarted.handle(new ListReadingViews(null, 0, 10, null, null)).items().get(0).length())
                .isEqualTo(change.applyTo(TEXT).codePointCount(0, change.applyTo(TEXT).length()));
    }
}
