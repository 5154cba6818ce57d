package org.palimpsest.archive.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixProposed;
import org.palimpsest.archive.fix.TranslationFixRejected;
import org.palimpsest.archive.projection.reading.FindReadingViewAsOf;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.palimpsest.archive.projection.reading.ReadingViewQueries;
import org.palimpsest.archive.projection.timeline.TimelineEntry;
import org.palimpsest.archive.projection.timeline.TimelineProjection;

/**
 * Versions cost what changed (ADR 10): many small changes to one large document add bytes in proportion to the
 * changes, not copies of the document's text, segments or derived records. Bytes are the sum of the BSON sizes of
 * every document in every projection collection.
 */
class VersionStorageTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    /** About 100 KB of text with a dated statement per paragraph. */
    private static final String TEXT = paragraphs(900);
    private static final int REVIEWED = 150;
    private static final int ACCEPTED = 10;

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private ReadingViewProjection views;
    private TimelineProjection timeline;
    private long position;

    private static String paragraphs(int count) {
        StringBuilder text = new StringBuilder("# The harbour ledger\n\n");
        String[] months = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"};
        for (int i = 0; i < count; i++) {
            text.append("Entry ").append(i).append(": on ").append(i % 27 + 1).append(' ').append(months[i % 12])
                    .append(' ').append(1990 + i % 30).append(" the ferry left the north quay with ").append(i * 7 % 90)
                    .append(" passengers, and the clerk wrote the tide tables out again by hand.\n\n");
        }
        return text.toString();
    }

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("storage_test");
        views = new ReadingViewProjection(database);
        timeline = new TimelineProjection(database, NameCatalog.parse("[]"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private GlobalSequenceTrackingToken next() {
        return new GlobalSequenceTrackingToken(++position);
    }

    private Instant now() {
        return T0.plusSeconds(position);
    }

    /** Every projection document's BSON size, summed. */
    private long storedBytes() {
        long bytes = 0;
        for (String name : database.listCollectionNames()) {
            for (RawBsonDocument document : database.getCollection(name, RawBsonDocument.class).find().batchSize(8)) {
                bytes += document.getByteBuffer().remaining();
            }
        }
        return bytes;
    }

    @Test
    void reviewingAndApplyingSmallFixesToALargeDocumentStoresTheChangesNotCopiesOfIt() {
        DocumentImported imported = new DocumentImported("ledger", new DocumentSource(null, null, T0), "Ledger", "en",
                "2021-01-01", TEXT, "hash", "editor");
        GlobalSequenceTrackingToken importToken = next();
        views.on(imported, now(), importToken);
        timeline.on(imported, now(), importToken);
        long afterImport = storedBytes();
        int entries = timeline.entries(null, null).size();
        assertThat(entries).as("dated statements in the fixture").isGreaterThan(500);

        for (int i = 0; i < REVIEWED; i++) {
            views.on(new TranslationFixProposed("ledger", "r" + i, new FixTarget("north quay", null, null, null, null, null),
                    "south quay", FixKind.MISTRANSLATION, "the ferry used the south quay", null, "annotator"), now(), next());
            views.on(new TranslationFixRejected("ledger", "r" + i, "editor", "north is right"), now(), next());
        }
        long afterReviews = storedBytes();

        String text = TEXT;
        for (int i = 0; i < ACCEPTED; i++) {
            // Same length, so only the entry around the fix changes; every other entry is the same as before.
            String entry = "Entry " + (i * 80) + ": on";
            int at = text.indexOf(entry) + entry.length() - 2;
            TextChange change = new TextChange(text.codePointCount(0, at), "on", "in");
            text = change.applyTo(text);
            TranslationFixAccepted accepted = new TranslationFixAccepted("ledger", "a" + i, change, i + 1, false, "editor", null);
            GlobalSequenceTrackingToken token = next();
            views.on(new TranslationFixProposed("ledger", "a" + i, new FixTarget("on", null, null, null, null, null),
                    "in", FixKind.TYPO, "preposition", null, "annotator"), now(), token);
            views.on(accepted, now(), next());
            timeline.on(accepted, now(), new GlobalSequenceTrackingToken(position));
        }
        long afterFixes = storedBytes();

        long textBytes = TEXT.length();
        System.out.printf("version storage: %d-byte text, %d timeline entries; %d bytes after the import, +%d for %d"
                        + " reviews, +%d for %d applied fixes%n", textBytes, entries, afterImport,
                afterReviews - afterImport, 2 * REVIEWED, afterFixes - afterReviews, ACCEPTED);
        // The import: the text once for both projections (the view now and its first version refer to it, as the
        // timeline's followed document does), its segments once, each timeline entry once.
        assertThat(afterImport).as("bytes after importing a %d-byte document", textBytes).isLessThan(6 * textBytes);
        // 300 review events: each a new version of the view, which changed by one fix (a few hundred bytes); stored
        // lists are rewritten a chunk at a time, so each costs a few KB whatever the size of the document.
        assertThat(afterReviews - afterImport).as("bytes added by %d reviews of a %d-byte document", 2 * REVIEWED, textBytes)
                .isLessThan(2L * REVIEWED * 8_000);
        // Ten applied fixes: each its edit of the text (stored once for both projections), the chunks of segments and
        // timeline entries around it, never a copy of the text or of all the entries.
        assertThat(afterFixes - afterReviews).as("bytes added by %d applied fixes", ACCEPTED)
                .isLessThan(ACCEPTED * textBytes / 3);

        // As-of reads still give back each state exactly.
        ReadingView first = new ReadingViewQueries(views).handle(new FindReadingViewAsOf("ledger", 1L, null)).orElseThrow();
        assertThat(first.text()).isEqualTo(TEXT);
        assertThat(first.fixes()).isEmpty();
        ReadingView reviewed = new ReadingViewQueries(views).handle(new FindReadingViewAsOf("ledger", 1L + 2 * REVIEWED, null)).orElseThrow();
        assertThat(reviewed.fixes()).hasSize(REVIEWED);
        assertThat(reviewed.text()).isEqualTo(TEXT);
        assertThat(reviewed.segments()).isEqualTo(first.segments());
        List<TimelineEntry> original = timeline.entries(1L, null);
        assertThat(original).hasSize(entries);
        assertThat(original).allSatisfy(e -> assertThat(e.asOf().position()).isEqualTo(1L));
        List<TimelineEntry> latest = timeline.entries(position, null);
        assertThat(latest).containsExactlyInAnyOrderElementsOf(timeline.entries(null, null));
    }
}
