package org.palimpsest.annotations.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.annotations.anchoring.SelectorCheck;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;
import org.palimpsest.annotations.annotation.AnnotationCreated;
import org.palimpsest.annotations.annotation.AnnotationDeleted;
import org.palimpsest.annotations.annotation.AnnotationRevised;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.annotations.annotation.Body;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Motivation;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentSource;

/**
 * Annotation versions cost what changed: ten thousand edits of a comment on a 60 KB document store ten thousand
 * comments, not copies of the annotation (its long quote) nor of the document; every version still reads back whole.
 */
class AnnotationVersionStorageTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final String TEXT = entries(750);
    /** A long quote: what a version that copied the annotation would copy each time. */
    private static final String QUOTE = TEXT.substring(0, 2_000);
    private static final int EDITS = 10_000;

    private static String entries(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("Entry ").append(i).append(": the ferry left the north quay at dawn; the clerk wrote it down.\n");
        }
        return text.toString();
    }

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AnnotationProjection projection;
    private AnnotationQueries queries;
    private long position;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("annotation_storage_test");
        projection = new AnnotationProjection(database);
        queries = new AnnotationQueries(projection);
        projection.on(new DocumentImported("doc", new DocumentSource(null, null, T0), "Ferry", "en", null, TEXT,
                "hash", "editor"), T0);
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
        return T0.plusMillis(position);
    }

    private long storedBytes() {
        long bytes = 0;
        for (String name : database.listCollectionNames()) {
            for (RawBsonDocument document : database.getCollection(name, RawBsonDocument.class).find()) {
                bytes += document.getByteBuffer().remaining();
            }
        }
        return bytes;
    }

    @Test
    void tenThousandEditsOfACommentStoreTheCommentsNotCopiesOfTheAnnotation() {
        DocumentTarget target = new DocumentTarget("doc", 0, TextQuoteSelector.of(QUOTE), null)
                .with(SelectorCheck.verify(TEXT, TextQuoteSelector.of(QUOTE), null));
        projection.on(new AnnotationCreated("a1", 1, "annotator", List.of(Motivation.COMMENTING),
                List.of(Body.text("comment 0")), target, null), now(), next());
        long created = storedBytes();
        AnnotationState first = queries.handle(new FindAnnotation("a1")).orElseThrow().state();
        AnnotationState middle = null;

        for (int edit = 1; edit <= EDITS; edit++) {
            projection.on(new AnnotationRevised("a1", edit + 1, "annotator", false, List.of(Motivation.COMMENTING),
                    List.of(Body.text("comment " + edit)), target), now(), next());
            if (edit == EDITS / 2) {
                middle = queries.handle(new FindAnnotation("a1")).orElseThrow().state();
            }
        }
        long perEdit = (storedBytes() - created) / EDITS;

        System.out.printf("annotation versions: %,d bytes after the creation, %,d per edit (a %,d-character quote)%n",
                created, perEdit, QUOTE.length());
        assertThat(perEdit).as("bytes per edit of an annotation quoting %,d characters", QUOTE.length())
                .isLessThan(QUOTE.length() / 2);
        assertThat(queries.handle(new FindAnnotationVersion("a1", 1)).orElseThrow().state()).isEqualTo(first);
        assertThat(queries.handle(new FindAnnotationVersion("a1", EDITS / 2 + 1)).orElseThrow().state()).isEqualTo(middle);
        AnnotationVersion last = queries.handle(new FindAnnotationVersion("a1", EDITS + 1)).orElseThrow();
        assertThat(last.state().bodies()).containsExactly(Body.text("comment " + EDITS));
        assertThat(last.state().target()).isEqualTo(target);
        assertThat(queries.handle(new FindAnnotationVersionAsOf("a1", 1L + EDITS / 2, null)).orElseThrow().state())
                .isEqualTo(middle);
        assertThat(queries.handle(new ListAnnotationVersions("a1"))).hasSize(EDITS + 1)
                .allSatisfy(v -> assertThat(v.state().target()).isEqualTo(target));
    }

    @Test
    void annotationsWrittenBeforeRecordsHeldTheirVersionAnswerAsBeforeAndGoOn() {
        DocumentTarget target = new DocumentTarget("doc", 0, TextQuoteSelector.of("Entry 17:"), null)
                .with(SelectorCheck.verify(TEXT, TextQuoteSelector.of("Entry 17:"), null));
        projection.on(new AnnotationCreated("a1", 1, "annotator", List.of(Motivation.COMMENTING),
                List.of(Body.text("first")), target, null), now(), next());
        projection.on(new AnnotationRevised("a1", 2, "annotator", false, List.of(Motivation.COMMENTING),
                List.of(Body.text("second")), target), now(), next());
        List<AnnotationVersion> before = queries.handle(new ListAnnotationVersions("a1"));
        // As earlier code left them: every version whole in annotation_versions, the record without its facts.
        for (AnnotationVersion version : before) {
            AnnotationVersionRecord whole = projection.store().version("a1", version.version()).orElseThrow();
            database.getCollection(AnnotationProjection.VERSIONS, AnnotationVersionRecord.class)
                    .replaceOne(Filters.eq("_id", whole.key()), whole, new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
        database.getCollection(AnnotationProjection.ANNOTATIONS).updateOne(Filters.eq("_id", "a1"),
                new Document("$unset", new Document("latest", "")));

        AnnotationQueries reopened = new AnnotationQueries(new AnnotationProjection(database));
        assertThat(reopened.handle(new ListAnnotationVersions("a1"))).isEqualTo(before);
        AnnotationProjection going = new AnnotationProjection(database);
        going.on(new AnnotationDeleted("a1", 3, "editor", true, "duplicate"), now(), next());

        List<AnnotationVersion> after = new AnnotationQueries(going).handle(new ListAnnotationVersions("a1"));
        assertThat(after).hasSize(3);
        assertThat(after.subList(0, 2)).isEqualTo(before);
        assertThat(after.get(2).state().deleted()).isTrue();
        assertThat(after.get(2).state().target()).isEqualTo(target);
        assertThat(after.get(2).state().bodies()).containsExactly(Body.text("second"));
    }
}
