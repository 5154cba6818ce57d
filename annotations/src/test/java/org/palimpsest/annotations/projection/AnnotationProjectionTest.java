package org.palimpsest.annotations.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.annotations.anchoring.Anchoring;
import org.palimpsest.annotations.anchoring.SelectorCheck;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;
import org.palimpsest.annotations.annotation.AnnotationCreated;
import org.palimpsest.annotations.annotation.AnnotationDeleted;
import org.palimpsest.annotations.annotation.AnnotationHidden;
import org.palimpsest.annotations.annotation.AnnotationReplyTarget;
import org.palimpsest.annotations.annotation.AnnotationRestored;
import org.palimpsest.annotations.annotation.AnnotationRevised;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.annotations.annotation.AnnotationUnhidden;
import org.palimpsest.annotations.annotation.Body;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Generator;
import org.palimpsest.annotations.annotation.Motivation;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixReverted;

/**
 * The projection as plain unit tests: facts in through {@code on(event)}, answers out through {@code handle(query)},
 * against the embedded MongoDB-wire server (in-memory H2) that the application runs without a MongoDB.
 */
class AnnotationProjectionTest {

    private static final Instant T0 = Instant.parse("2025-04-01T08:00:00.123Z");
    /** Characters outside the BMP (mathematical fraktur, an emoji) make code points and UTF-16 units differ. */
    private static final String TEXT = "Intro 😀 line. The ferry to 𝔏annis ran aground every spring. "
            + "The harbour master wrote it down in violet ink.";
    private static final String QUOTE = "ferry to 𝔏annis ran aground";

    private MongoServer server;
    private MongoClient client;
    private AnnotationProjection projection;
    private AnnotationQueries queries;
    private String text;
    private long revision;
    private Instant clock;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("annotations_test");
        projection = new AnnotationProjection(database);
        queries = new AnnotationQueries(projection);
        clock = T0;
        text = TEXT;
        revision = 0;
        projection.on(new DocumentImported("doc-1", new DocumentSource(null, null, T0), "Ferry", "en", null, TEXT,
                "hash", "editor"), T0);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    private static int at(String text, String part) {
        return text.codePointCount(0, text.indexOf(part));
    }

    private DocumentTarget target(String quote) {
        return new DocumentTarget("doc-1", revision, TextQuoteSelector.of(quote), null)
                .with(SelectorCheck.verify(text, TextQuoteSelector.of(quote), null));
    }

    private AnnotationCreated create(String id, String creator, Motivation motivation, List<Body> bodies,
                                     org.palimpsest.annotations.annotation.Target target) {
        AnnotationCreated created = new AnnotationCreated(id, 1, creator, List.of(motivation), bodies, target,
                new Generator(null, "test", null));
        projection.on(created, tick(), null);
        return created;
    }

    private void acceptFix(String find, String replacement) {
        TextChange change = new TextChange(at(text, find), find, replacement);
        text = change.applyTo(text);
        revision++;
        projection.on(new TranslationFixAccepted("doc-1", "fix-" + revision, change, revision, false, "editor", null), tick());
    }

    private AnnotationView find(String id) {
        return queries.handle(new FindAnnotation(id)).orElseThrow();
    }

    private AnchoredDocument anchored() {
        return queries.handle(new AnchoredAnnotations("doc-1", new CurrentText(text, revision)));
    }

    private Anchoring anchoringOf(String id) {
        return anchored().annotations().stream().filter(a -> a.annotation().id().equals(id)).findFirst()
                .orElseThrow().anchoring();
    }

    @Test
    void findsTheStateTheFactsMakeWithItsDocumentAndRevisionTime() {
        AnnotationCreated created = create("a1", "annotator", Motivation.COMMENTING,
                List.of(Body.text("which ferry?"), Body.tag("ferries")), target(QUOTE));

        AnnotationView view = find("a1");
        assertThat(view.state()).isEqualTo(AnnotationState.of(created, clock));
        assertThat(view.documentId()).isEqualTo("doc-1");
        assertThat(view.replyTo()).isNull();
        assertThat(view.revisionTime()).as("when revision 0 was imported").isEqualTo(T0);
        assertThat(view.asOf().position()).as("no tracking token in a unit test").isEqualTo(-1);
        assertThat(queries.handle(new FindAnnotation("nope"))).isEmpty();
    }

    @Test
    void keepsEveryVersionWithWhoWhenAndWhatChanged() {
        DocumentTarget target = target(QUOTE);
        create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("first")), target);
        AnnotationState v1 = find("a1").state();
        projection.on(new AnnotationRevised("a1", 2, "annotator", false, List.of(Motivation.COMMENTING),
                List.of(Body.text("second")), target), tick(), null);
        AnnotationState v2 = find("a1").state();
        projection.on(new AnnotationDeleted("a1", 3, "editor", true, "duplicate"), tick(), null);
        projection.on(new AnnotationRestored("a1", 4, "editor", true, null), tick(), null);
        projection.on(new AnnotationHidden("a1", 5, "editor", "off topic"), tick(), null);
        projection.on(new AnnotationUnhidden("a1", 6, "editor", null), tick(), null);

        List<AnnotationVersion> versions = queries.handle(new ListAnnotationVersions("a1"));
        assertThat(versions).extracting(AnnotationVersion::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(versions).extracting(AnnotationVersion::change)
                .containsExactly("created", "revised", "deleted", "restored", "hidden", "unhidden");
        assertThat(versions.get(0).changed()).containsExactly("motivation", "body", "target");
        assertThat(versions.get(1).changed()).containsExactly("body");
        assertThat(versions.get(2).actor()).isEqualTo("editor");
        assertThat(versions.get(2).byModerator()).isTrue();
        assertThat(versions.get(2).reason()).isEqualTo("duplicate");
        assertThat(versions.get(2).state().deleted()).isTrue();
        assertThat(versions.get(4).reason()).isEqualTo("off topic");

        assertThat(queries.handle(new FindAnnotationVersion("a1", 1)).orElseThrow().state()).isEqualTo(v1);
        assertThat(queries.handle(new FindAnnotationVersion("a1", 2)).orElseThrow().state()).isEqualTo(v2);
        assertThat(queries.handle(new FindAnnotationVersion("a1", 7))).isEmpty();
        assertThat(queries.handle(new ListAnnotationVersions("nope"))).isEmpty();
        assertThat(find("a1").state().version()).isEqualTo(6);
    }

    @Test
    void factsDeliveredTwiceAreProjectedOnce() {
        AnnotationCreated created = create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("x")), target(QUOTE));
        AnnotationDeleted deleted = new AnnotationDeleted("a1", 2, "annotator", false, null);
        projection.on(deleted, tick(), null);
        projection.on(created, tick(), null);
        projection.on(deleted, tick(), null);

        assertThat(find("a1").state().version()).isEqualTo(2);
        assertThat(queries.handle(new ListAnnotationVersions("a1"))).hasSize(2);
        assertThat(queries.handle(new ListAnnotations("doc-1", null, null, null, 0, 10)).total()).isZero();
    }

    @Test
    void listsByDocumentCreatorTagAndMotivationOldestFirstInPages() {
        create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("one"), Body.tag("ferries")), target(QUOTE));
        create("a2", "editor", Motivation.QUESTIONING, List.of(Body.text("two")), target("harbour master"));
        create("a3", "annotator", Motivation.HIGHLIGHTING, List.of(), target("violet ink"));
        create("r1", "editor", Motivation.REPLYING, List.of(Body.text("a reply")), new AnnotationReplyTarget("a1"));
        projection.on(new DocumentImported("doc-2", new DocumentSource(null, null, T0), "Other", "en", null,
                "Another text entirely.", "hash2", "editor"), tick());
        projection.on(new AnnotationCreated("b1", 1, "annotator", List.of(Motivation.COMMENTING), List.of(Body.text("b")),
                new DocumentTarget("doc-2", 0, TextQuoteSelector.of("Another"), null), null), tick(), null);

        assertThat(ids(new ListAnnotations("doc-1", null, null, null, 0, 10)))
                .as("a document's annotations, not the replies in their threads").containsExactly("a1", "a2", "a3");
        assertThat(ids(new ListAnnotations(null, null, null, null, 0, 10))).containsExactly("a1", "a2", "a3", "r1", "b1");
        assertThat(ids(new ListAnnotations(null, "annotator", null, null, 0, 10))).containsExactly("a1", "a3", "b1");
        assertThat(ids(new ListAnnotations("doc-1", "annotator", null, null, 0, 10))).containsExactly("a1", "a3");
        assertThat(ids(new ListAnnotations(null, null, "ferries", null, 0, 10))).containsExactly("a1");
        assertThat(ids(new ListAnnotations("doc-1", null, null, "questioning", 0, 10))).containsExactly("a2");
        assertThat(ids(new ListAnnotations(null, null, null, "highlighting", 0, 10))).containsExactly("a3");
        assertThat(ids(new ListAnnotations(null, null, null, null, null, 0, 10, "editor", true, null)))
                .containsExactly("a1", "a2", "a3", "r1", "b1");
        assertThat(ids(new ListAnnotations(null, "a1", null, null, null, 0, 10, null, false, null))).containsExactly("r1");

        AnnotationListing second = queries.handle(new ListAnnotations(null, null, null, null, 1, 2));
        assertThat(second.items()).extracting(AnnotationView::id).containsExactly("a3", "r1");
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.lastPage()).isEqualTo(2);
        AnnotationListing onDocument = queries.handle(new ListAnnotations("doc-1", null, null, null, 1, 2));
        assertThat(onDocument.items()).extracting(AnnotationView::id).containsExactly("a3");
        assertThat(onDocument.total()).isEqualTo(3);
    }

    @Test
    void hiddenAnnotationsAreListedToTheirCreatorAndModeratorsOnlyAndDeletedToNoOne() {
        create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("one")), target(QUOTE));
        create("a2", "annotator", Motivation.COMMENTING, List.of(Body.text("two")), target("violet ink"));
        projection.on(new AnnotationHidden("a1", 2, "editor", "spam"), tick(), null);
        projection.on(new AnnotationDeleted("a2", 2, "annotator", false, null), tick(), null);

        for (String document : new String[] {"doc-1", null}) {
            assertThat(ids(new ListAnnotations(document, null, null, null, null, 0, 10, null, false, null))).isEmpty();
            assertThat(ids(new ListAnnotations(document, null, null, null, null, 0, 10, "reader", false, null))).isEmpty();
            assertThat(ids(new ListAnnotations(document, null, null, null, null, 0, 10, "annotator", false, null)))
                    .containsExactly("a1");
            assertThat(ids(new ListAnnotations(document, null, null, null, null, 0, 10, "editor", true, null)))
                    .containsExactly("a1");
        }
        assertThat(anchored().annotations()).isEmpty();
    }

    @Test
    void anchorsExactlyThroughFixesBeforeAndAfterTheQuote() {
        create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("which ferry?")), target(QUOTE));
        int start = at(TEXT, QUOTE);
        int length = QUOTE.codePointCount(0, QUOTE.length());

        acceptFix("Intro 😀", "Preface 😀😀");   // before: the quote moves 3 code points right
        acceptFix("violet", "green");             // after: nothing moves

        Anchoring anchoring = anchoringOf("a1");
        assertThat(anchoring.status()).isEqualTo(Anchoring.Status.EXACT);
        assertThat(anchoring.span()).isEqualTo(new Span(start + 3, start + 3 + length));
        assertThat(anchoring.currentQuote()).isEqualTo(QUOTE);
        assertThat(anchoring.score()).isEqualTo(1.0);
        assertThat(anchored().revision()).isEqualTo(2);
        assertThat(anchored().behind()).isFalse();
    }

    @Test
    void anchorsFuzzilyWhenAFixChangedTheQuoteAndOrphansWhenTheQuoteIsGone() {
        create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("which ferry?")), target(QUOTE));
        create("a2", "annotator", Motivation.COMMENTING, List.of(Body.text("ink")), target("violet ink"));
        int start = at(TEXT, QUOTE);

        acceptFix("ran aground", "went aground");

        Anchoring fuzzy = anchoringOf("a1");
        assertThat(fuzzy.status()).isEqualTo(Anchoring.Status.FUZZY);
        assertThat(fuzzy.score()).isBetween(0.7, 0.99);
        assertThat(fuzzy.span().start()).isEqualTo(start);
        assertThat(fuzzy.currentQuote()).isEqualTo("ferry to 𝔏annis went aground");

        acceptFix("The harbour master wrote it down in violet ink.", "Nobody wrote anything.");
        AnchoredDocument document = anchored();
        assertThat(document.annotations()).extracting(a -> a.annotation().id()).as("orphans last").containsExactly("a1", "a2");
        Anchoring orphan = document.annotations().get(1).anchoring();
        assertThat(orphan.status()).isEqualTo(Anchoring.Status.ORPHANED);
        assertThat(orphan.span()).as("last known place, in revision 0").isEqualTo(new Span(at(TEXT, "violet ink"),
                at(TEXT, "violet ink") + 10));
        assertThat(orphan.score()).isZero();
    }

    @Test
    void aRevertedFixIsAnExactEditTooAndAReimportIsAReset() {
        create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("which ferry?")), target(QUOTE));
        acceptFix("Intro", "Foreword");
        TextChange back = new TextChange(0, "Foreword", "Intro");
        text = back.applyTo(text);
        revision++;
        projection.on(new TranslationFixReverted("doc-1", "fix-1", back, revision, "editor", null), tick());
        assertThat(anchoringOf("a1").status()).isEqualTo(Anchoring.Status.EXACT);
        assertThat(anchoringOf("a1").span().start()).isEqualTo(at(TEXT, QUOTE));

        text = "New edition. " + TEXT;
        revision++;
        projection.on(new DocumentReimported("doc-1", new DocumentSource(null, null, T0), "Ferry", "en", null, text,
                "hash3", revision, "editor"), tick());
        Anchoring afterReimport = anchoringOf("a1");
        assertThat(afterReimport.status()).as("no offset mapping crosses a re-import: found by quote and context")
                .isEqualTo(Anchoring.Status.FUZZY);
        assertThat(afterReimport.span().start()).isEqualTo(at(text, QUOTE));
        assertThat(afterReimport.score()).isCloseTo(1.0, within(0.05));
    }

    @Test
    void saysWhenItHasNotSeenTheRevisionAskedFor() {
        create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("which ferry?")), target(QUOTE));
        String later = "Preface. " + TEXT;
        AnchoredDocument document = queries.handle(new AnchoredAnnotations("doc-1", new CurrentText(later, 1)));
        assertThat(document.behind()).isTrue();
        assertThat(document.knownRevision()).isZero();
        assertThat(document.annotations().get(0).anchoring().status())
                .as("without the edit, only the quote can place it").isEqualTo(Anchoring.Status.FUZZY);
        assertThat(queries.handle(new AnchoredAnnotations("doc-1", TEXT)).revision()).isZero();
    }

    @Test
    void repliesComeWithTheirThreadAndLeaveOutHiddenOnes() {
        create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("which ferry?")), target(QUOTE));
        create("r1", "editor", Motivation.REPLYING, List.of(Body.text("the morning one")), new AnnotationReplyTarget("a1"));
        create("r2", "annotator", Motivation.REPLYING, List.of(Body.text("thanks")), new AnnotationReplyTarget("r1"));
        create("r3", "reader", Motivation.REPLYING, List.of(Body.text("spam")), new AnnotationReplyTarget("a1"));
        projection.on(new AnnotationHidden("r3", 2, "editor", "spam"), tick(), null);

        assertThat(find("r2").documentId()).as("a reply's thread is on its root's document").isEqualTo("doc-1");
        assertThat(find("r2").replyTo()).isEqualTo("r1");
        AnchoredAnnotation a1 = anchored().annotations().get(0);
        assertThat(a1.replies()).extracting(t -> t.annotation().id()).containsExactly("r1");
        assertThat(a1.replies().get(0).replies()).extracting(t -> t.annotation().id()).containsExactly("r2");
        assertThat(anchored().annotations()).hasSize(1);
    }

    @Test
    void anchorsListedItemsWhenAsked() {
        create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("which ferry?")), target(QUOTE));
        acceptFix("Intro", "Foreword");
        AnnotationListing listing = queries.handle(new ListAnnotations("doc-1", null, null, null, null, 0, 10, null,
                false, new CurrentText(text, revision)));
        Anchoring anchoring = listing.items().get(0).anchoring();
        assertThat(anchoring).isNotNull();
        assertThat(anchoring.status()).isEqualTo(Anchoring.Status.EXACT);
        assertThat(anchoring.span().start()).isEqualTo(at(TEXT, QUOTE) + 3);
    }

    @Test
    void resetEmptiesEveryCollection() {
        create("a1", "annotator", Motivation.COMMENTING, List.of(Body.text("x")), target(QUOTE));
        projection.reset();
        assertThat(queries.handle(new FindAnnotation("a1"))).isEmpty();
        assertThat(queries.handle(new FindAnnotationVersion("a1", 1))).isEmpty();
        assertThat(queries.handle(new AnchoredAnnotations("doc-1", TEXT)).knownRevision()).isEqualTo(-1);
    }

    private List<String> ids(ListAnnotations query) {
        return queries.handle(query).items().stream().map(AnnotationView::id).toList();
    }
}
