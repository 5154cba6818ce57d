package org.palimpsest.archive.projection.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.document.ContentHash;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.projection.Generation;
import org.palimpsest.archive.projection.email.EmailProjection;
import org.palimpsest.archive.projection.email.EmailQueries;
import org.palimpsest.archive.projection.email.ListEmails;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.palimpsest.archive.projection.reading.ReadingViewQueries;
import org.palimpsest.archive.projection.timeline.TimelineProjection;
import org.palimpsest.archive.projection.timeline.TimelineQueries;
import org.palimpsest.archive.projection.timeline.TimelineQuery;

/**
 * The reading view, the timeline and the emails analyse one text revision once between them: the structure both the
 * reading view and the timeline read, and the redactions both the reading view and the emails read, run once; a
 * rebuilt generation and a replay's replica analyse nothing again.
 */
class SharedAnalysisTest {

    private static final String TEXT = """
            # Pier inspection moved

            On 2 September 2024 the port office wrote to the contractor.

            From: Orla Venn <orla@example.org>
            To: [REDACTED]
            Date: Tue, 3 Sep 2024 09:15:00 +0900
            Subject: pier inspection

            The inspection is moved to 10 September 2024.
            """;

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("shared");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void theSecondAndThirdProjectionOfTheSameRevisionDoNotRunTheAnalysersAgain() throws Exception {
        AnalysisCache analyses = AnalysisCache.standard();
        AnalysisBudget budget = AnalysisBudget.standard();
        ReadingViewProjection views = new ReadingViewProjection(database, Generation.FIRST, budget, analyses);
        TimelineProjection timeline = new TimelineProjection(database, AnalysisCacheTest.NAMES, Generation.FIRST, budget, analyses);
        EmailProjection emails = new EmailProjection(database, name -> java.util.Optional.empty(), Generation.FIRST, budget, analyses);

        deliver(views);
        assertThat(analyses.runs("structure")).isEqualTo(1);
        assertThat(analyses.runs("redactions")).isEqualTo(1);
        deliver(timeline);
        deliver(emails);

        assertThat(analyses.runs("structure")).as("the timeline took the reading view's structure").isEqualTo(1);
        assertThat(analyses.runs("redactions")).as("the emails took the reading view's redactions").isEqualTo(1);
        assertThat(analyses.runs("timeline")).isEqualTo(1);
        assertThat(analyses.runs("emails")).isEqualTo(1);
        // And what they derived is what each would have found alone.
        ReadingView view = new ReadingViewQueries(views).handle(new FindReadingView("doc-1")).orElseThrow();
        assertThat(view.segments()).isNotEmpty();
        assertThat(view.redactions()).hasSize(1);
        assertThat(new TimelineQueries(timeline).handle(new TimelineQuery(null, null, null, null, null))).isNotEmpty();
        assertThat(new EmailQueries(emails).handle(new ListEmails(null, null, null, 0, 50)).items()).hasSize(1);
    }

    @Test
    void aRebuiltGenerationAndAReplicaReuseTheLiveAnalyses() throws Exception {
        AnalysisCache analyses = AnalysisCache.standard();
        AnalysisBudget budget = AnalysisBudget.standard();
        TimelineProjection timeline = new TimelineProjection(database, AnalysisCacheTest.NAMES, Generation.FIRST, budget, analyses);
        ReadingViewProjection views = new ReadingViewProjection(database, Generation.FIRST, budget, analyses);
        deliver(timeline);
        deliver(views);

        deliver(timeline.fresh(Generation.FIRST.next()));
        deliver(timeline.replica(client.getDatabase("scratch")));
        deliver(views.fresh(Generation.FIRST.next()));
        deliver(views.replica(client.getDatabase("scratch")));

        assertThat(analyses.runs("timeline")).isEqualTo(1);
        assertThat(analyses.runs("structure")).isEqualTo(1);
        assertThat(analyses.runs("redactions")).isEqualTo(1);
    }

    @Test
    void projectionsWithCachesOfTheirOwnEachAnalyseTheText() throws Exception {
        // The control: without one shared cache, each projection runs the structure analysis itself.
        AnalysisBudget budget = AnalysisBudget.standard();
        AnalysisCache forViews = AnalysisCache.standard();
        AnalysisCache forTimeline = AnalysisCache.standard();
        deliver(new ReadingViewProjection(database, Generation.FIRST, budget, forViews));
        deliver(new TimelineProjection(database, AnalysisCacheTest.NAMES, Generation.FIRST, budget, forTimeline));

        assertThat(forViews.runs("structure") + forTimeline.runs("structure")).isEqualTo(2);
    }

    private static void deliver(Object projection) throws Exception {
        DocumentImported imported = new DocumentImported("doc-1", new DocumentSource(null, null, Instant.EPOCH),
                "Pier", "en", "2024-09-03", TEXT, ContentHash.of(TEXT), "editor");
        // Tracked, as a processor delivers it: the handlers take the token for their redelivery guard.
        new AnnotationEventHandlerAdapter(projection).handle(new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(1), GenericEventMessage.asEventMessage(imported)));
    }
}
