package org.palimpsest.archive.projection.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
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
import org.palimpsest.archive.fix.TranslationFixRejected;
import org.palimpsest.archive.fix.TranslationFixReverted;

/**
 * The reading views as plain unit tests: facts in through {@code on(event)}, answers out through
 * {@code handle(query)}, against the embedded MongoDB-wire server.
 */
class ReadingViewProjectionTest {

    private static final Instant T0 = Instant.parse("2025-05-02T09:00:00Z");
    private static final String TEXT = "# Harbour notes\n\nThe ferry left at dawn. The harbour master wrote it down.\n";

    private MongoServer server;
    private MongoClient client;
    private ReadingViewProjection projection;
    private ReadingViewQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        projection = new ReadingViewProjection(client.getDatabase("reading_test"));
        queries = new ReadingViewQueries(projection);
        projection.on(new DocumentImported("doc", new DocumentSource(null, null, T0), "Harbour", "en", null, TEXT,
                "hash", "editor"), T0, token(1));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private static GlobalSequenceTrackingToken token(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private ReadingView view() {
        return queries.handle(new FindReadingView("doc")).orElseThrow();
    }

    private void propose(String fixId, String exact, String replacement, long position) {
        projection.on(new TranslationFixProposed("doc", fixId, new FixTarget(exact, null, null, null, null, null),
                replacement, FixKind.TYPO, "wrong word", null, "annotator"), T0.plusSeconds(position), token(position));
    }

    private TextChange change(String text, String removed, String inserted) {
        return new TextChange(text.indexOf(removed), removed, inserted);
    }

    @Test
    void anImportedDocumentIsReadWithItsSegmentsAtRevisionZero() {
        ReadingView view = view();
        assertThat(view.text()).isEqualTo(TEXT);
        assertThat(view.revision()).isZero();
        assertThat(view.segments()).isNotEmpty();
        assertThat(view.asOf().position()).isEqualTo(1);
        assertThat(queries.handle(new ListReadingViews(null, 0, 10)).total()).isEqualTo(1);
        assertThat(queries.handle(new FindRevision("doc", 0)).orElseThrow().text()).isEqualTo(TEXT);
    }

    @Test
    void fixesChangeTheTextAndEachRevisionIsKept() {
        propose("f1", "dawn", "dusk", 2);
        propose("f2", "master", "mistress", 3);
        projection.on(new TranslationFixAccepted("doc", "f1", change(TEXT, "dawn", "dusk"), 1, false, "editor", null),
                T0.plusSeconds(4), token(4));
        projection.on(new TranslationFixRejected("doc", "f2", "editor", "right as it was"), T0.plusSeconds(5), token(5));

        String fixed = TEXT.replace("dawn", "dusk");
        assertThat(view().text()).isEqualTo(fixed);
        assertThat(view().revision()).isEqualTo(1);
        assertThat(view().fixes()).extracting(FixView::state).containsExactly(FixState.ACCEPTED, FixState.REJECTED);
        assertThat(queries.handle(new FindRevision("doc", 1)).orElseThrow().text()).isEqualTo(fixed);

        projection.on(new TranslationFixReverted("doc", "f1", change(fixed, "dusk", "dawn"), 2, "editor", null),
                T0.plusSeconds(6), token(6));
        assertThat(view().text()).isEqualTo(TEXT);
        assertThat(view().fixes().get(0).state()).isEqualTo(FixState.REVERTED);
    }

    @Test
    void everyStateIsReadAsOfItsPositionOrTime() {
        propose("f1", "dawn", "dusk", 2);
        projection.on(new TranslationFixAccepted("doc", "f1", change(TEXT, "dawn", "dusk"), 1, false, "editor", null),
                T0.plusSeconds(4), token(4));

        assertThat(queries.handle(new ListReadingViewVersions("doc"))).hasSize(3);
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 1L, null)).orElseThrow().fixes()).isEmpty();
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 3L, null)).orElseThrow().fixes()).hasSize(1);
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 3L, null)).orElseThrow().text()).isEqualTo(TEXT);
        assertThat(queries.handle(new FindReadingViewAsOf("doc", null, T0.plusSeconds(4))).orElseThrow().text())
                .isEqualTo(TEXT.replace("dawn", "dusk"));
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 0L, null))).as("before the import").isEmpty();
    }

    @Test
    void aRedeliveredEventIsNotAppliedTwice() {
        propose("f1", "dawn", "dusk", 2);
        propose("f1", "dawn", "dusk", 2);

        assertThat(view().fixes()).hasSize(1);
        assertThat(queries.handle(new ListReadingViewVersions("doc"))).hasSize(2);
    }

    @Test
    void aResetEmptiesEveryCollection() {
        projection.reset();

        assertThat(queries.handle(new FindReadingView("doc"))).isEmpty();
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 1L, null))).isEmpty();
        assertThat(queries.handle(new FindRevision("doc", 0))).isEmpty();
    }

    @Test
    void theViewNowIsWhatIsStoredEvenWhenTheEventTimeIsFinerThanTheStore() {
        // Events carry nanoseconds; the store keeps milliseconds. What the handler kept in memory must not leak into
        // an answer, or the view now would differ from a replay's and from its own version.
        Instant fine = T0.plusSeconds(2).plusNanos(123_456);
        projection.on(new TranslationFixProposed("doc", "f1", new FixTarget("dawn", null, null, null, null, null), "dusk",
                FixKind.TYPO, "it was evening", null, "annotator"), fine, token(2));

        ReadingView now = view();
        assertThat(now.fixes().get(0).proposedAt()).isEqualTo(fine.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 2L, null))).contains(now);
    }
}
