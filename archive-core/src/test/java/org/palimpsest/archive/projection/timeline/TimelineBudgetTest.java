package org.palimpsest.archive.projection.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.AnalysisBudgetExceededException;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.projection.FollowedDocument;
import org.palimpsest.archive.projection.Generation;
import org.palimpsest.archive.projection.ProjectionPosition;

/** The text projections analyse each document within their configured budget, and say which one ran out. */
class TimelineBudgetTest {

    private static final String BIG = "- In March 2015 Dana Whitlock met the board, and in 2016년 1월 again.\n".repeat(3_000);
    private static final NameCatalog NAMES = NameCatalog.parse("""
            - id: dana-whitlock
              canonical: Dana Whitlock
              kind: person
              aliases: [Dana Whitlock]
            """);

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void theTimelineGivesUpOnADocumentPastItsBudgetNamingItself() {
        TimelineProjection timeline = new TimelineProjection(client.getDatabase("t"), NAMES, Generation.FIRST,
                AnalysisBudget.of(Duration.ofMillis(1)));

        assertThatThrownBy(() -> timeline.derive(document(), ProjectionPosition.of(null, Instant.EPOCH)))
                .isInstanceOfSatisfying(AnalysisBudgetExceededException.class, e -> {
                    assertThat(e.analyser()).isEqualTo(TimelineProjection.PROCESSING_GROUP);
                    assertThat(e.documentId()).isEqualTo("big");
                    assertThat(e.textLength()).isEqualTo(BIG.length());
                });
    }

    @Test
    void aRebuiltTimelineKeepsTheBudget() {
        TimelineProjection timeline = new TimelineProjection(client.getDatabase("t"), NAMES, Generation.FIRST,
                AnalysisBudget.of(Duration.ofMillis(1)));
        TimelineProjection fresh = (TimelineProjection) timeline.fresh(Generation.FIRST);

        assertThatThrownBy(() -> fresh.derive(document(), ProjectionPosition.of(null, Instant.EPOCH)))
                .isInstanceOf(AnalysisBudgetExceededException.class);
        assertThatThrownBy(() -> timeline.replica(client.getDatabase("scratch"))
                .derive(document(), ProjectionPosition.of(null, Instant.EPOCH)))
                .isInstanceOf(AnalysisBudgetExceededException.class);
    }

    @Test
    void withTheStandardBudgetTheSameDocumentIsAnalysed() {
        List<TimelineAnalysis.Found> found = AnalysisBudget.standard().run("timeline", "big", BIG.length(),
                () -> TimelineAnalysis.analyse(BIG, "en", "2024-01-01", NAMES));

        assertThat(found).hasSize(3_000);
        assertThat(found.get(0).names()).containsExactly("dana-whitlock");
    }

    private static FollowedDocument document() {
        return new FollowedDocument("big", "Big", "en", "2024-01-01", 0, BIG);
    }
}
