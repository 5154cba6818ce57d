package org.palimpsest.archive.projection.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;

/** The timeline as plain unit tests: {@code on(event)}, then {@code handle(query)}, on the embedded server. */
class TimelineProjectionTest {

    private static final Instant T0 = Instant.parse("2025-05-02T09:00:00Z");
    private static final NameCatalog NAMES = NameCatalog.parse("""
            - id: dana-whitlock
              canonical: Dana Whitlock
              kind: person
              aliases: [D. Whitlock]
            """);
    private static final String TEXT = "In March 2015 Dana Whitlock met the board.\n\nOn 4 June 2016 the ferry ran aground.\n";

    private MongoServer server;
    private MongoClient client;
    private TimelineProjection timeline;
    private TimelineQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        timeline = new TimelineProjection(client.getDatabase("timeline_test"), NAMES);
        queries = new TimelineQueries(timeline);
        timeline.on(new DocumentImported("doc", new DocumentSource(null, null, T0), "Board", "en", "2017-01-01", TEXT,
                "hash", "editor"), T0, new GlobalSequenceTrackingToken(1));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private List<TimelineEvent> now() {
        return queries.handle(new TimelineQuery(null, null, null, null, null));
    }

    @Test
    void datedStatementsBecomeEventsWithTheNamesTheyMention() {
        assertThat(now()).extracting(TimelineEvent::iso).containsExactly("2015-03", "2016-06-04");
        assertThat(queries.handle(new TimelineQuery(null, null, null, "D. Whitlock", null)))
                .extracting(TimelineEvent::iso).containsExactly("2015-03");
    }

    @Test
    void aFixReDerivesTheEntriesAndTheEarlierOnesStayReadableAsOf() {
        TextChange change = new TextChange(TEXT.indexOf("2016"), "2016", "2014");
        timeline.on(new TranslationFixAccepted("doc", "f1", change, 1, false, "editor", null), T0.plusSeconds(5),
                new GlobalSequenceTrackingToken(2));

        assertThat(now()).extracting(TimelineEvent::iso).containsExactly("2014-06-04", "2015-03");
        assertThat(queries.handle(new TimelineQuery(null, null, null, null, null, 1L, null)))
                .extracting(TimelineEvent::iso).containsExactly("2015-03", "2016-06-04");
        assertThat(timeline.entries(1L, null)).allSatisfy(e -> assertThat(e.revision()).isZero());
        assertThat(timeline.entries(2L, null)).allSatisfy(e -> assertThat(e.revision()).isEqualTo(1));
        assertThat(timeline.entries(0L, null)).as("before the import").isEmpty();
    }

    @Test
    void aRedeliveredImportIsNotAppliedTwice() {
        timeline.on(new DocumentImported("doc", new DocumentSource(null, null, T0), "Board", "en", "2017-01-01",
                "Nothing dated here.", "hash", "editor"), T0, new GlobalSequenceTrackingToken(1));

        assertThat(now()).hasSize(2);
    }
}
