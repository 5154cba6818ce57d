package org.palimpsest.archive.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.document.ContentHash;
import org.palimpsest.archive.input.FieldTooLongException;
import org.palimpsest.archive.input.InputLimits;
import org.palimpsest.archive.input.InvalidTextException;
import org.palimpsest.archive.document.Document;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.document.ImportDocument;
import org.palimpsest.archive.document.ImportOutcome;

class DocumentFixTest {

    private static final DocumentSource SOURCE = new DocumentSource(null, null, Instant.parse("2024-05-01T00:00:00Z"));
    private static final String TEXT = "Dana Whitlok met the bord in 2017. Whitlok left in 2018.";

    private FixtureConfiguration<Document> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Document.class);
    }

    private static DocumentImported imported(String text) {
        return new DocumentImported("d1", SOURCE, "t", "en", null, text, ContentHash.of(text), "importer");
    }

    private static FixProposal proposal(String id, String exact, Integer start, String replacement) {
        return new FixProposal(id, new FixTarget(exact, null, null, start, null, null), replacement, FixKind.TYPO, "spelling", null);
    }

    private static FixTarget anchored(String exact, String prefix, String suffix, int start, long revision) {
        return new FixTarget(exact, prefix, suffix, start, start + exact.codePointCount(0, exact.length()), revision);
    }

    private static TranslationFixProposed proposed(String id, FixTarget target, String replacement) {
        return new TranslationFixProposed("d1", id, target, replacement, FixKind.TYPO, "spelling", null, "ann");
    }

    @Test
    void proposingAnchorsTheFixAndCapturesContext() {
        fixture.given(imported(TEXT))
                .when(new ProposeFixes("d1", List.of(proposal("f1", "bord", null, "board")), "ann", false, null))
                .expectEvents(proposed("f1", anchored("bord", "Dana Whitlok met the ", " in 2017. Whitlok left in 2018.", 21, 0), "board"))
                .expectResultMessagePayload(List.of("f1"));
    }

    @Test
    void acceptingAppliesTheFixAndBumpsTheRevision() {
        FixTarget target = anchored("bord", "Dana Whitlok met the ", " in 2017.", 21, 0);
        fixture.given(imported(TEXT), proposed("f1", target, "board"))
                .when(new AcceptFix("d1", "f1", "ed", "ok"))
                .expectEvents(new TranslationFixAccepted("d1", "f1", new TextChange(21, "bord", "board"), 1, false, "ed", "ok"));
    }

    @Test
    void rejectingLeavesTheTextAlone() {
        fixture.given(imported(TEXT), proposed("f1", anchored("bord", "the ", " in", 21, 0), "board"))
                .when(new RejectFix("d1", "f1", "ed", "house style"))
                .expectEvents(new TranslationFixRejected("d1", "f1", "ed", "house style"));
    }

    @Test
    void revertingRestoresTheReplacedText() {
        fixture.given(imported(TEXT), proposed("f1", anchored("bord", "the ", " in", 21, 0), "board"),
                        new TranslationFixAccepted("d1", "f1", new TextChange(21, "bord", "board"), 1, false, "ed", null))
                .when(new RevertFix("d1", "f1", "ed", "wrong call"))
                .expectEvents(new TranslationFixReverted("d1", "f1", new TextChange(21, "board", "bord"), 2, "ed", "wrong call"));
    }

    @Test
    void revertingAFixMovedByAnEarlierFixUsesItsCurrentPlace() {
        // f2 (later in the text) is accepted first, then f1 before it shifts it by one; reverting f2 must find it there.
        fixture.given(imported(TEXT),
                        proposed("f1", anchored("Whitlok", "Dana ", " met", 5, 0), "Whitlock"),
                        proposed("f2", anchored("bord", "the ", " in", 21, 0), "board"),
                        new TranslationFixAccepted("d1", "f2", new TextChange(21, "bord", "board"), 1, false, "ed", null),
                        new TranslationFixAccepted("d1", "f1", new TextChange(5, "Whitlok", "Whitlock"), 2, false, "ed", null))
                .when(new RevertFix("d1", "f2", "ed", null))
                .expectEvents(new TranslationFixReverted("d1", "f2", new TextChange(22, "board", "bord"), 3, "ed", null));
    }

    @Test
    void aFixProposedAgainstAnOlderRevisionIsMappedExactlyThroughLaterChanges() {
        fixture.given(imported(TEXT),
                        proposed("f1", anchored("Whitlok", "Dana ", " met", 5, 0), "Whitlock"),
                        proposed("f2", anchored("Whitlok", "2017. ", " left", 35, 0), "Whitlock"),
                        new TranslationFixAccepted("d1", "f1", new TextChange(5, "Whitlok", "Whitlock"), 1, false, "ed", null))
                .when(new AcceptFix("d1", "f2", "ed", null))
                .expectEvents(new TranslationFixAccepted("d1", "f2", new TextChange(36, "Whitlok", "Whitlock"), 2, false, "ed", null));
    }

    @Test
    void overlappingFixIsReanchoredByItsQuoteWhenItStillFitsOnePlace() {
        // f2 targets "met the bord"; f1 changed "bord" inside it, so f2's quote is gone: conflict.
        // f3 targets "Dana Whitlok met" which f1 did not touch but the re-import moved: re-anchored by quote.
        String reimported = "Preface. " + TEXT;
        fixture.given(imported(TEXT),
                        proposed("f3", anchored("Dana Whitlok met", "", " the", 0, 0), "Dana Whitlock met"),
                        new DocumentReimported("d1", SOURCE, "t", "en", null, reimported, ContentHash.of(reimported), 1, "importer"))
                .when(new AcceptFix("d1", "f3", "ed", null))
                .expectEvents(new TranslationFixAccepted("d1", "f3", new TextChange(9, "Dana Whitlok met", "Dana Whitlock met"), 2, true, "ed", null));
    }

    @Test
    void refusesAFixWhoseTextWasChangedByAnOverlappingFix() {
        fixture.given(imported(TEXT),
                        proposed("f1", anchored("bord", "the ", " in", 21, 0), "board"),
                        proposed("f2", anchored("met the bord", "Whitlok ", " in", 13, 0), "met with the board"),
                        new TranslationFixAccepted("d1", "f1", new TextChange(21, "bord", "board"), 1, false, "ed", null))
                .when(new AcceptFix("d1", "f2", "ed", null))
                .expectException(FixConflictException.class)
                .expectNoEvents();
    }

    @Test
    void refusesToRevertAFixWhoseTextALaterFixChanged() {
        fixture.given(imported(TEXT),
                        proposed("f1", anchored("bord", "the ", " in", 21, 0), "board"),
                        new TranslationFixAccepted("d1", "f1", new TextChange(21, "bord", "board"), 1, false, "ed", null),
                        proposed("f2", anchored("board", "the ", " in", 21, 1), "Board"),
                        new TranslationFixAccepted("d1", "f2", new TextChange(21, "board", "Board"), 2, false, "ed", null))
                .when(new RevertFix("d1", "f1", "ed", null))
                .expectException(FixConflictException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnAmbiguousQuoteListingWhereItOccurs() {
        fixture.given(imported(TEXT))
                .when(new ProposeFixes("d1", List.of(proposal("f1", "Whitlok", null, "Whitlock")), "ann", false, null))
                .expectException(FixRefusedException.class)
                .expectNoEvents();
        QuoteAnchor.Result found = QuoteAnchor.locate(TEXT, new FixTarget("Whitlok", null, null, null, null, null));
        assertThat(found.ambiguous()).isTrue();
        assertThat(found.candidates()).containsExactly(new org.palimpsest.archive.extraction.Span(5, 12),
                new org.palimpsest.archive.extraction.Span(35, 42));
    }

    @Test
    void positionOrContextDisambiguatesARepeatedQuote() {
        FixProposal byContext = new FixProposal("f1", new FixTarget("Whitlok", "2017. ", null, null, null, null),
                "Whitlock", FixKind.NAME, "name spelling", new FixReference("ホイットロック", "ja"));
        fixture.given(imported(TEXT))
                .when(new ProposeFixes("d1", List.of(byContext, proposal("f2", "Whitlok", 5, "Whitlock")), "ann", false, null))
                .expectEvents(
                        new TranslationFixProposed("d1", "f1", anchored("Whitlok", "2017. ", " left in 2018.", 35, 0), "Whitlock",
                                FixKind.NAME, "name spelling", new FixReference("ホイットロック", "ja"), "ann"),
                        proposed("f2", anchored("Whitlok", "Dana ", " met the bord in 2017. Whitlok l", 5, 0), "Whitlock"));
    }

    @Test
    void aBatchIsRecordedWholeOrNotAtAll() {
        fixture.given(imported(TEXT))
                .when(new ProposeFixes("d1", List.of(proposal("f1", "bord", null, "board"), proposal("f2", "absent", null, "x")),
                        "ann", false, null))
                .expectException(FixRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void anEditorMayAcceptTheirOwnBatchInOneStepEachFixPlacedAfterTheOneBefore() {
        fixture.given(imported(TEXT))
                .when(new ProposeFixes("d1", List.of(proposal("f1", "Whitlok", 5, "Whitlock"), proposal("f2", "Whitlok", 35, "Whitlock")),
                        "ed", true, "batch"))
                .expectEvents(
                        proposed("f1", anchored("Whitlok", "Dana ", " met the bord in 2017. Whitlok l", 5, 0), "Whitlock").withProposer("ed"),
                        proposed("f2", anchored("Whitlok", "a Whitlok met the bord in 2017. ", " left in 2018.", 35, 0), "Whitlock").withProposer("ed"),
                        new TranslationFixAccepted("d1", "f1", new TextChange(5, "Whitlok", "Whitlock"), 1, false, "ed", "batch"),
                        new TranslationFixAccepted("d1", "f2", new TextChange(36, "Whitlok", "Whitlock"), 2, false, "ed", "batch"));
    }

    @Test
    void refusesNoOpEmptyAndUnexplainedFixes() {
        for (FixProposal bad : List.of(
                proposal("f1", "bord", null, "bord"),
                proposal("f1", "", null, "x"),
                new FixProposal("f1", new FixTarget("bord", null, null, null, null, null), "board", FixKind.TYPO, " ", null),
                new FixProposal("f1", new FixTarget("bord", null, null, null, null, 7L), "board", FixKind.TYPO, "r", null))) {
            fixture.given(imported(TEXT))
                    .when(new ProposeFixes("d1", List.of(bad), "ann", false, null))
                    .expectException(FixRefusedException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void reviewStepsFollowTheStateMachine() {
        FixTarget target = anchored("bord", "the ", " in", 21, 0);
        fixture.given(imported(TEXT), proposed("f1", target, "board"), new TranslationFixRejected("d1", "f1", "ed", null))
                .when(new AcceptFix("d1", "f1", "ed", null))
                .expectException(FixStateException.class);
        fixture.given(imported(TEXT), proposed("f1", target, "board"))
                .when(new RevertFix("d1", "f1", "ed", null))
                .expectException(FixStateException.class);
        fixture.given(imported(TEXT), proposed("f1", target, "board"),
                        new TranslationFixAccepted("d1", "f1", new TextChange(21, "bord", "board"), 1, false, "ed", null),
                        new TranslationFixReverted("d1", "f1", new TextChange(21, "board", "bord"), 2, "ed", null))
                .when(new RevertFix("d1", "f1", "ed", null))
                .expectException(FixStateException.class);
        fixture.given(imported(TEXT))
                .when(new AcceptFix("d1", "nope", "ed", null))
                .expectException(UnknownFixException.class);
    }

    @Test
    void offsetsAreCodePointsSoAstralCharactersCountOnce() {
        String text = "\uD83D\uDCDC 𠮷野家 bord";
        fixture.given(imported(text))
                .when(new ProposeFixes("d1", List.of(proposal("f1", "bord", 6, "board")), "ed", true, null))
                .expectEvents(
                        proposed("f1", anchored("bord", "\uD83D\uDCDC 𠮷野家 ", "", 6, 0), "board").withProposer("ed"),
                        new TranslationFixAccepted("d1", "f1", new TextChange(6, "bord", "board"), 1, false, "ed", null));
    }

    @Test
    void reimportingTheUnchangedSourceAfterFixesKeepsThem() {
        fixture.given(imported(TEXT), proposed("f1", anchored("bord", "the ", " in", 21, 0), "board"),
                        new TranslationFixAccepted("d1", "f1", new TextChange(21, "bord", "board"), 1, false, "ed", null))
                .when(new ImportDocument("d1", SOURCE, "t", "en", null, TEXT, "importer"))
                .expectNoEvents()
                .expectResultMessagePayload(new ImportOutcome("d1", ImportOutcome.Result.UNCHANGED, 1, ContentHash.of(TEXT)));
    }

    @Test
    void textChangeMapsSpansAroundButNotThroughAnEdit() {
        TextChange change = new TextChange(10, "abc", "abcd");
        assertThat(change.map(new org.palimpsest.archive.extraction.Span(0, 10))).contains(new org.palimpsest.archive.extraction.Span(0, 10));
        assertThat(change.map(new org.palimpsest.archive.extraction.Span(13, 15))).contains(new org.palimpsest.archive.extraction.Span(14, 16));
        assertThat(change.map(new org.palimpsest.archive.extraction.Span(9, 11))).isEmpty();
        assertThat(change.map(new org.palimpsest.archive.extraction.Span(11, 12))).isEmpty();
    }

    @Test
    void aQuoteWithALoneSurrogateIsRefusedAndNeverSplitsACharacter() {
        // "\uD83D" alone is the first half of 📜: it occurs in the text, but anchoring it would split the emoji.
        String text = "\uD83D\uDCDC scroll";
        fixture.given(imported(text))
                .when(new ProposeFixes("d1", List.of(proposal("f1", "\uD83D", null, "x")), "ed", false, null))
                .expectException(InvalidTextException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("target.exact"))
                .expectNoEvents();
        fixture.given(imported(text))
                .when(new ProposeFixes("d1", List.of(proposal("f1", "scroll", null, "\uDCDC")), "ed", false, null))
                .expectException(InvalidTextException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("replacement"))
                .expectNoEvents();
    }

    @Test
    void refusesAWhitespacePaddedReasonOverItsLimitNamingTheBatchItem() {
        FixProposal padded = new FixProposal("f2", new FixTarget("bord", null, null, null, null, null), "board",
                FixKind.TYPO, "spelling" + " ".repeat(InputLimits.REASON), null);
        fixture.given(imported(TEXT))
                .when(new ProposeFixes("d1", List.of(proposal("f1", "2017", null, "2016"), padded), "ed", false, null))
                .expectException(FieldTooLongException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("reason is limited to " + InputLimits.REASON))
                .expectNoEvents();
    }

    @Test
    void refusesAReplacementOverItsLimit() {
        fixture.given(imported(TEXT))
                .when(new ProposeFixes("d1", List.of(proposal("f1", "bord", null, "b".repeat(InputLimits.REPLACEMENT + 1))),
                        "ed", false, null))
                .expectException(FieldTooLongException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAReviewCommentOverItsLimit() {
        FixTarget target = anchored("bord", "Dana Whitlok met the ", " in 2017.", 21, 0);
        String comment = "c".repeat(InputLimits.COMMENT + 1);
        fixture.given(imported(TEXT), proposed("f1", target, "board"))
                .when(new AcceptFix("d1", "f1", "ed", comment))
                .expectException(FieldTooLongException.class)
                .expectNoEvents();
        fixture.given(imported(TEXT), proposed("f1", target, "board"))
                .when(new RejectFix("d1", "f1", "ed", comment))
                .expectException(FieldTooLongException.class)
                .expectNoEvents();
    }
}
