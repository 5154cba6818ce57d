package org.palimpsest.annotations.annotation;

import static org.palimpsest.annotations.annotation.Refusals.invalid;
import static org.palimpsest.annotations.annotation.Refusals.staleAt;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.input.FieldTooLongException;
import org.palimpsest.archive.input.InputLimits;
import org.palimpsest.archive.input.InvalidTextException;
import org.palimpsest.annotations.anchoring.TextPositionSelector;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;

class AnnotationTest {

    private static final DocumentTarget TARGET = new DocumentTarget("doc-1", 0,
            new TextQuoteSelector("salt ledger", "the keeper kept the ", " in the tower"), new TextPositionSelector(20, 31));
    private static final DocumentTarget MOVED_TARGET = new DocumentTarget("doc-1", 2,
            new TextQuoteSelector("ledger", "the salt ", " in"), new TextPositionSelector(30, 36));
    private static final List<Body> BODIES = List.of(Body.text("The ledger is mentioned nowhere else."), Body.tag("ledgers"));
    private static final List<Body> NEW_BODIES = List.of(new Body("Mentioned again in chapter four.", "text/markdown", "en", null));
    private static final List<Motivation> COMMENTING = List.of(Motivation.COMMENTING);
    private static final Generator GENERATOR = new Generator("https://tools.example/reader", "Reader", null);

    private FixtureConfiguration<Annotation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Annotation.class);
    }

    private static AnnotationCreated created() {
        return new AnnotationCreated("a1", 1, "mara", COMMENTING, BODIES, TARGET, GENERATOR);
    }

    private static ReviseAnnotation revise(long expectedVersion, String actor, boolean moderator) {
        return new ReviseAnnotation("a1", expectedVersion, actor, moderator, COMMENTING, NEW_BODIES, MOVED_TARGET);
    }

    private static AnnotationRevised revised(long version, String actor, boolean byModerator) {
        return new AnnotationRevised("a1", version, actor, byModerator, COMMENTING, NEW_BODIES, MOVED_TARGET);
    }

    @Test
    void createsAnAnnotationAtVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, BODIES, TARGET, GENERATOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void keepsEachMotivationOnceInTheOrderGiven() {
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara",
                        List.of(Motivation.TAGGING, Motivation.COMMENTING, Motivation.TAGGING), BODIES, TARGET, null))
                .expectEvents(new AnnotationCreated("a1", 1, "mara", List.of(Motivation.TAGGING, Motivation.COMMENTING),
                        BODIES, TARGET, null));
    }

    @Test
    void createsAReplyToAnotherAnnotation() {
        Target reply = new AnnotationReplyTarget("a0");
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "tomas", List.of(Motivation.REPLYING), List.of(Body.text("Agreed.")), reply, null))
                .expectEvents(new AnnotationCreated("a1", 1, "tomas", List.of(Motivation.REPLYING),
                        List.of(Body.text("Agreed.")), reply, null));
    }

    @Test
    void bookmarksAndHighlightsNeedNoBody() {
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", List.of(Motivation.HIGHLIGHTING), List.of(), TARGET, null))
                .expectEvents(new AnnotationCreated("a1", 1, "mara", List.of(Motivation.HIGHLIGHTING), List.of(), TARGET, null));
    }

    @Test
    void refusesAnAnnotationWithoutBodyThatIsNotABookmarkOrHighlight() {
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, List.of(), TARGET, null))
                .expectException(invalid("body"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", List.of(), List.of(), TARGET, null))
                .expectException(invalid("body"));
    }

    @Test
    void refusesBlankBodiesNamingWhichOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, List.of(Body.text("fine"), Body.text("  \n")), TARGET, null))
                .expectException(invalid("body[1].value"))
                .expectNoEvents();
    }

    @Test
    void refusesBodiesOverTheTotalSizeLimit() {
        String half = "w".repeat(InputLimits.ANNOTATION_BODIES / 2);
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, List.of(Body.text(half), Body.text(half + "w")), TARGET, null))
                .expectException(FieldTooLongException.class)
                .expectExceptionMessage("body is limited to " + InputLimits.ANNOTATION_BODIES
                        + " characters (code points); this one has " + (InputLimits.ANNOTATION_BODIES + 1))
                .expectNoEvents();
        // Code points, not UTF-16 units: the limit holds for astral characters as for any other.
        String astral = "𠮷".repeat(InputLimits.ANNOTATION_BODIES);
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, List.of(Body.text(astral)), TARGET, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesATagOverItsLimit() {
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING,
                        List.of(Body.text("fine"), Body.tag("t".repeat(InputLimits.TAG + 1))), TARGET, null))
                .expectException(FieldTooLongException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("body[1].value is limited to " + InputLimits.TAG))
                .expectNoEvents();
    }

    @Test
    void refusesAQuoteWithALoneSurrogate() {
        DocumentTarget halfAnEmoji = new DocumentTarget("d1", 0, TextQuoteSelector.of("\uD83D"), null);
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, List.of(Body.text("fine")), halfAnEmoji, null))
                .expectException(InvalidTextException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("target.selector.exact holds a lone surrogate"))
                .expectNoEvents();
    }

    @Test
    void refusesMalformedBodyFormatLanguageAndPurpose() {
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, List.of(new Body("x", "plain", null, null)), TARGET, null))
                .expectException(invalid("body[0].format"));
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, List.of(new Body("x", null, "english!", null)), TARGET, null))
                .expectException(invalid("body[0].language"));
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, List.of(new Body("x", null, null, "labelling")), TARGET, null))
                .expectException(invalid("body[0].purpose"));
    }

    @Test
    void refusesAnEmptyQuoteAndAPositionThatCannotHoldTheQuote() {
        DocumentTarget emptyQuote = new DocumentTarget("doc-1", 0, new TextQuoteSelector("", null, null), null);
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, BODIES, emptyQuote, null))
                .expectException(invalid("target.selector"));
        DocumentTarget tooShort = new DocumentTarget("doc-1", 0, TextQuoteSelector.of("salt ledger"), new TextPositionSelector(20, 24));
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, BODIES, tooShort, null))
                .expectException(invalid("target.selector"));
        DocumentTarget noDocument = new DocumentTarget(" ", 0, TextQuoteSelector.of("salt ledger"), null);
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", COMMENTING, BODIES, noDocument, null))
                .expectException(invalid("target.source"));
    }

    @Test
    void refusesAReplyToItself() {
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", "mara", List.of(Motivation.REPLYING), BODIES, new AnnotationReplyTarget("a1"), null))
                .expectException(invalid("target"));
    }

    @Test
    void refusesAnAnnotationWithoutCreator() {
        fixture.givenNoPriorActivity()
                .when(new CreateAnnotation("a1", " ", COMMENTING, BODIES, TARGET, null))
                .expectException(invalid("creator"));
    }

    @Test
    void theCreatorRevisesAgainstTheCurrentVersion() {
        fixture.given(created())
                .when(revise(1, "mara", false))
                .expectEvents(revised(2, "mara", false))
                .expectResultMessagePayload(2L);
    }

    @Test
    void revisingToTheSameContentRecordsNothing() {
        fixture.given(created())
                .when(new ReviseAnnotation("a1", 1, "mara", false, COMMENTING, BODIES, TARGET))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void refusesAStaleVersionWithTheCurrentOne() {
        fixture.given(created(), revised(2, "mara", false))
                .when(revise(1, "mara", false))
                .expectException(staleAt(2))
                .expectNoEvents();
    }

    @Test
    void refusesChangesBySomeoneElse() {
        fixture.given(created())
                .when(revise(1, "tomas", false))
                .expectException(NotYourAnnotationException.class)
                .expectNoEvents();
        fixture.given(created())
                .when(new DeleteAnnotation("a1", 1, "tomas", false, "spam"))
                .expectException(NotYourAnnotationException.class)
                .expectNoEvents();
    }

    @Test
    void aModeratorMayReviseAndDeleteOthersAnnotationsAndItIsRecorded() {
        fixture.given(created())
                .when(revise(1, "ines", true))
                .expectEvents(revised(2, "ines", true));
        fixture.given(created())
                .when(new DeleteAnnotation("a1", 1, "ines", true, "personal data"))
                .expectEvents(new AnnotationDeleted("a1", 2, "ines", true, "personal data"));
        // A creator who happens to be a moderator acts as creator.
        fixture.given(created())
                .when(revise(1, "mara", true))
                .expectEvents(revised(2, "mara", false));
    }

    @Test
    void revisionsStayOnTheirSubject() {
        DocumentTarget otherDocument = new DocumentTarget("doc-2", 0, TextQuoteSelector.of("salt"), null);
        fixture.given(created())
                .when(new ReviseAnnotation("a1", 1, "mara", false, COMMENTING, BODIES, otherDocument))
                .expectException(invalid("target.source"));
        fixture.given(created())
                .when(new ReviseAnnotation("a1", 1, "mara", false, COMMENTING, BODIES, new AnnotationReplyTarget("a0")))
                .expectException(invalid("target"));
    }

    @Test
    void revisionsAreValidatedLikeCreation() {
        fixture.given(created())
                .when(new ReviseAnnotation("a1", 1, "mara", false, COMMENTING, List.of(), TARGET))
                .expectException(invalid("body"))
                .expectNoEvents();
    }

    @Test
    void deletingLeavesATombstoneWithTheReason() {
        fixture.given(created())
                .when(new DeleteAnnotation("a1", 1, "mara", false, "  posted twice "))
                .expectEvents(new AnnotationDeleted("a1", 2, "mara", false, "posted twice"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aDeletedAnnotationCannotBeRevisedOrDeletedAgain() {
        fixture.given(created(), new AnnotationDeleted("a1", 2, "mara", false, null))
                .when(revise(2, "mara", false))
                .expectException(AnnotationDeletedException.class)
                .expectNoEvents();
        fixture.given(created(), new AnnotationDeleted("a1", 2, "mara", false, null))
                .when(new DeleteAnnotation("a1", 2, "mara", false, null))
                .expectException(AnnotationDeletedException.class);
    }

    @Test
    void restoringBringsADeletedAnnotationBackAndItCanBeRevisedAgain() {
        fixture.given(created(), new AnnotationDeleted("a1", 2, "mara", false, null))
                .when(new RestoreAnnotation("a1", 2, "mara", false, "deleted by mistake"))
                .expectEvents(new AnnotationRestored("a1", 3, "mara", false, "deleted by mistake"))
                .expectResultMessagePayload(3L);
        fixture.given(created(), new AnnotationDeleted("a1", 2, "mara", false, null),
                        new AnnotationRestored("a1", 3, "mara", false, null))
                .when(revise(3, "mara", false))
                .expectEvents(revised(4, "mara", false));
    }

    @Test
    void restoringNeedsADeletedAnnotationAndTheRightActor() {
        fixture.given(created())
                .when(new RestoreAnnotation("a1", 1, "mara", false, null))
                .expectException(AnnotationStateException.class);
        fixture.given(created(), new AnnotationDeleted("a1", 2, "ines", true, "abuse"))
                .when(new RestoreAnnotation("a1", 2, "tomas", false, null))
                .expectException(NotYourAnnotationException.class);
        fixture.given(created(), new AnnotationDeleted("a1", 2, "mara", false, null))
                .when(new RestoreAnnotation("a1", 1, "mara", false, null))
                .expectException(staleAt(2));
    }

    @Test
    void moderatorsHideAndUnhideWithAReason() {
        fixture.given(created())
                .when(new HideAnnotation("a1", 1, "ines", " off topic "))
                .expectEvents(new AnnotationHidden("a1", 2, "ines", "off topic"))
                .expectResultMessagePayload(2L);
        fixture.given(created(), new AnnotationHidden("a1", 2, "ines", "off topic"))
                .when(new UnhideAnnotation("a1", 2, "ines", null))
                .expectEvents(new AnnotationUnhidden("a1", 3, "ines", null));
    }

    @Test
    void hidingFollowsTheState() {
        fixture.given(created())
                .when(new HideAnnotation("a1", 1, "ines", " "))
                .expectException(invalid("reason"));
        fixture.given(created(), new AnnotationHidden("a1", 2, "ines", "off topic"))
                .when(new HideAnnotation("a1", 2, "ines", "again"))
                .expectException(AnnotationStateException.class);
        fixture.given(created())
                .when(new UnhideAnnotation("a1", 1, "ines", null))
                .expectException(AnnotationStateException.class);
        fixture.given(created(), new AnnotationDeleted("a1", 2, "mara", false, null))
                .when(new HideAnnotation("a1", 2, "ines", "abuse"))
                .expectException(AnnotationDeletedException.class);
        fixture.given(created(), revised(2, "mara", false))
                .when(new HideAnnotation("a1", 1, "ines", "abuse"))
                .expectException(staleAt(2));
    }

    @Test
    void theCreatorMayStillReviseAHiddenAnnotation() {
        fixture.given(created(), new AnnotationHidden("a1", 2, "ines", "off topic"))
                .when(revise(2, "mara", false))
                .expectEvents(revised(3, "mara", false));
    }
}
