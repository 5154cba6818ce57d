package org.palimpsest.annotations.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.annotations.anchoring.Anchoring.Status;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.fix.TextChange;

class AnchorerTest {

    private static final String FERRY = "Every spring the ferry to Lannis ran aground on the same sandbar. ";
    private static final String INK = "The harbour master of Keld wrote his reports in violet ink. ";
    private static final String COUNCIL = "In 1911 the town council voted to dredge the channel, "
            + "but the money went to a new bell tower instead. ";
    private static final String TEXT = INK + FERRY + COUNCIL;

    /** The code-point span of the {@code occurrence}-th (0-based) {@code quote} in {@code text}. */
    private static Span span(String text, String quote, int occurrence) {
        int from = -1;
        for (int i = 0; i <= occurrence; i++) {
            from = text.indexOf(quote, from + 1);
        }
        assertThat(from).as("'%s' in fixture", quote).isGreaterThanOrEqualTo(0);
        return new IndexedText(text).span(from, from + quote.length());
    }

    private static Span span(String text, String quote) {
        return span(text, quote, 0);
    }

    /** The selectors an annotation on {@code quote} in {@code text} stores, as the API's SelectorCheck makes them. */
    private static VerifiedSelectors annotate(String text, String quote, int occurrence) {
        return SelectorCheck.verify(text, TextQuoteSelector.of(quote), TextPositionSelector.of(span(text, quote, occurrence)));
    }

    private static VerifiedSelectors annotate(String text, String quote) {
        return annotate(text, quote, 0);
    }

    private static Anchoring anchor(String currentText, VerifiedSelectors selectors, RevisionPath path) {
        return Anchorer.anchor(currentText, selectors.quote(), selectors.position(), path);
    }

    private static TextChange change(String text, String removed, String inserted) {
        return new TextChange(span(text, removed).start(), removed, inserted);
    }

    @Test
    void sameRevisionIsExact() {
        VerifiedSelectors ferry = annotate(TEXT, "ran aground");
        assertThat(anchor(TEXT, ferry, RevisionPath.unchanged()))
                .isEqualTo(new Anchoring(Status.EXACT, span(TEXT, "ran aground"), 1.0, "ran aground"));
    }

    @Test
    void anEditBeforeTheQuoteShiftsItExactly() {
        VerifiedSelectors ferry = annotate(TEXT, "ran aground");
        TextChange edit = change(TEXT, "violet", "deep violet");
        String after = edit.applyTo(TEXT);
        Anchoring anchoring = anchor(after, ferry, RevisionPath.through(List.of(edit)));
        assertThat(anchoring.status()).isEqualTo(Status.EXACT);
        assertThat(anchoring.span()).isEqualTo(span(after, "ran aground"));
        assertThat(anchoring.span().start()).isEqualTo(ferry.position().start() + "deep ".length());
    }

    @Test
    void anEditAfterTheQuoteLeavesItWhereItWas() {
        VerifiedSelectors ferry = annotate(TEXT, "ran aground");
        TextChange edit = change(TEXT, "bell tower", "clock tower");
        assertThat(anchor(edit.applyTo(TEXT), ferry, RevisionPath.through(List.of(edit))))
                .isEqualTo(new Anchoring(Status.EXACT, ferry.position().span(), 1.0, "ran aground"));
    }

    @Test
    void editsBeforeAndAfterTogetherMapThroughEachInTurn() {
        VerifiedSelectors ferry = annotate(TEXT, "ran aground");
        TextChange first = change(TEXT, "1911", "1912");
        String once = first.applyTo(TEXT);
        TextChange second = change(once, "Keld", "Keldwick");
        String twice = second.applyTo(once);
        Anchoring anchoring = anchor(twice, ferry, RevisionPath.through(List.of(first, second)));
        assertThat(anchoring.status()).isEqualTo(Status.EXACT);
        assertThat(anchoring.span()).isEqualTo(span(twice, "ran aground"));
    }

    @Test
    void anEditInsideTheQuoteFallsBackToFuzzyAndFindsTheEditedText() {
        VerifiedSelectors council = annotate(TEXT, "the town council voted to dredge the channel");
        TextChange edit = change(TEXT, "voted", "resolved");
        String after = edit.applyTo(TEXT);
        Anchoring anchoring = anchor(after, council, RevisionPath.through(List.of(edit)));
        assertThat(anchoring.status()).isEqualTo(Status.FUZZY);
        assertThat(anchoring.currentQuote()).isEqualTo("the town council resolved to dredge the channel");
        assertThat(anchoring.span()).isEqualTo(span(after, "the town council resolved to dredge the channel"));
        assertThat(anchoring.score()).isGreaterThanOrEqualTo(Anchorer.FUZZY_THRESHOLD).isLessThan(1.0);
    }

    @Test
    void offsetsStayInCodePointsWhenAstralCharactersPrecedeTheQuote() {
        String text = "📜 𠮷野家 notes: " + TEXT;
        VerifiedSelectors ferry = annotate(text, "ran aground");
        assertThat(ferry.position().start()).isEqualTo(text.codePointCount(0, text.indexOf("ran aground")));

        TextChange edit = new TextChange(0, "", "🌊🌊 ");
        String after = edit.applyTo(text);
        Anchoring exact = anchor(after, ferry, RevisionPath.through(List.of(edit)));
        assertThat(exact.status()).isEqualTo(Status.EXACT);
        assertThat(exact.span().start()).isEqualTo(ferry.position().start() + 3);
        assertThat(new IndexedText(after).slice(exact.span())).isEqualTo("ran aground");

        String reimported = "🐚 " + after.replace("𠮷野家", "𠮷野家𠮷");
        Anchoring fuzzy = anchor(reimported, ferry, RevisionPath.unmapped());
        assertThat(fuzzy.status()).isEqualTo(Status.FUZZY);
        assertThat(fuzzy.span()).isEqualTo(span(reimported, "ran aground"));
        assertThat(fuzzy.currentQuote()).isEqualTo("ran aground");
    }

    @Test
    void aRepeatedQuoteIsPlacedByItsPositionWhenTheMappingIsExact() {
        String text = INK + "Refrain: the lanterns went out. " + FERRY + "Refrain: the lanterns went out. " + COUNCIL;
        VerifiedSelectors second = annotate(text, "the lanterns went out", 1);
        TextChange edit = change(text, "Keld", "Keldwick");
        String after = edit.applyTo(text);
        Anchoring anchoring = anchor(after, second, RevisionPath.through(List.of(edit)));
        assertThat(anchoring.status()).isEqualTo(Status.EXACT);
        assertThat(anchoring.span()).isEqualTo(span(after, "the lanterns went out", 1));
    }

    @Test
    void aRepeatedQuoteWithTheSameContextIsPlacedNearItsExpectedPositionWhenFuzzy() {
        String refrain = "Refrain: the lanterns went out one by one. ";
        String text = INK + refrain + FERRY + refrain + COUNCIL;
        // Context shorter than the gap between the refrains, so both occurrences fit the selector equally well.
        TextQuoteSelector quote = new TextQuoteSelector("the lanterns went out", "Refrain: ", " one by one.");
        for (int occurrence = 0; occurrence < 2; occurrence++) {
            TextPositionSelector position = TextPositionSelector.of(span(text, "the lanterns went out", occurrence));
            String reimported = text.replace("violet", "deep violet");
            Anchoring anchoring = Anchorer.anchor(reimported, quote, position, RevisionPath.unmapped());
            assertThat(anchoring.status()).isEqualTo(Status.FUZZY);
            assertThat(anchoring.span()).isEqualTo(span(reimported, "the lanterns went out", occurrence));
        }
    }

    @Test
    void aReimportThatMovedTheQuoteFindsItAtItsNewPlace() {
        VerifiedSelectors ink = annotate(TEXT, "wrote his reports in violet ink");
        String reordered = FERRY + COUNCIL + "Later: " + INK;
        Anchoring anchoring = anchor(reordered, ink, RevisionPath.unmapped());
        assertThat(anchoring.status()).isEqualTo(Status.FUZZY);
        assertThat(anchoring.span()).isEqualTo(span(reordered, "wrote his reports in violet ink"));
        assertThat(anchoring.currentQuote()).isEqualTo("wrote his reports in violet ink");
        assertThat(anchoring.score()).isGreaterThan(0.9);
    }

    @Test
    void aReimportThatSlightlyEditedTheQuoteFindsTheEditedText() {
        VerifiedSelectors ferry = annotate(TEXT, "the ferry to Lannis ran aground on the same sandbar");
        String reimported = INK + "Each spring the ferry to Lannis ran aground on the same sand bar. " + COUNCIL;
        Anchoring anchoring = anchor(reimported, ferry, RevisionPath.unmapped());
        assertThat(anchoring.status()).isEqualTo(Status.FUZZY);
        assertThat(anchoring.currentQuote()).isEqualTo("the ferry to Lannis ran aground on the same sand bar");
        assertThat(anchoring.score()).isGreaterThanOrEqualTo(Anchorer.FUZZY_THRESHOLD).isLessThan(1.0);
    }

    @Test
    void aQuoteThatVanishedIsOrphanedAtItsLastKnownPlace() {
        VerifiedSelectors ferry = annotate(TEXT, "ran aground on the same sandbar");
        String reimported = INK + COUNCIL + "The archive closed in 1950. ";
        assertThat(anchor(reimported, ferry, RevisionPath.unmapped()))
                .isEqualTo(new Anchoring(Status.ORPHANED, ferry.position().span(), 0.0, null));
    }

    @Test
    void aShortQuoteWhoseContextIsGoneIsOrphanedRatherThanMovedToAnotherOccurrence() {
        VerifiedSelectors word = annotate(TEXT, "the", 1);   // "the ferry"
        String rewritten = INK + "The crossing to Lannis was abandoned after a storm. " + COUNCIL;
        Anchoring anchoring = anchor(rewritten, word, RevisionPath.unmapped());
        assertThat(anchoring.status()).isEqualTo(Status.ORPHANED);
        assertThat(anchoring.span()).isEqualTo(word.position().span());
    }

    @Test
    void aLongQuoteSurvivingVerbatimIsFoundAmongEntirelyNewSurroundings() {
        VerifiedSelectors passage = annotate(TEXT, "the town council voted to dredge the channel");
        String rewritten = "Minutes, second reading. We record that the town council voted to dredge the channel; "
                + "nobody objected.";
        Anchoring anchoring = anchor(rewritten, passage, RevisionPath.unmapped());
        assertThat(anchoring.status()).isEqualTo(Status.FUZZY);
        assertThat(anchoring.span()).isEqualTo(span(rewritten, "the town council voted to dredge the channel"));
    }

    @Test
    void aShortQuoteIsFoundByOneSurvivingSideOfItsContext() {
        VerifiedSelectors name = annotate(TEXT, "Lannis");
        String edited = INK + "Every spring the ferry to Lannis struck the bar again and again. " + COUNCIL;
        Anchoring anchoring = anchor(edited, name, RevisionPath.unmapped());
        assertThat(anchoring.status()).isEqualTo(Status.FUZZY);
        assertThat(anchoring.span()).isEqualTo(span(edited, "Lannis"));
    }

    @Test
    void withoutAPositionTheQuoteAndContextAloneDecide() {
        VerifiedSelectors ferry = annotate(TEXT, "ran aground");
        Anchoring anchoring = Anchorer.anchor(TEXT, ferry.quote(), null, RevisionPath.unchanged());
        assertThat(anchoring.status()).isEqualTo(Status.FUZZY);
        assertThat(anchoring.span()).isEqualTo(span(TEXT, "ran aground"));
        assertThat(anchoring.score()).isEqualTo(1.0);
    }

    @Test
    void editsThatDoNotBelongToTheTextNeverYieldAnExactPlace() {
        VerifiedSelectors ferry = annotate(TEXT, "ran aground");
        // The caller claims an edit happened at the start, but the text is unchanged: the quote decides.
        Anchoring anchoring = anchor(TEXT, ferry, RevisionPath.through(List.of(new TextChange(0, "", "xx"))));
        assertThat(anchoring.status()).isEqualTo(Status.FUZZY);
        assertThat(anchoring.span()).isEqualTo(ferry.position().span());
    }

    @Test
    void longQuotesBeyondOneMachineWordAreFoundWithEdits() {
        String quote = (FERRY + COUNCIL).strip();
        VerifiedSelectors passage = annotate(TEXT, quote);
        String edited = INK + FERRY.replace("sandbar", "shoal") + COUNCIL.replace("1911", "1913");
        Anchoring anchoring = anchor(edited, passage, RevisionPath.unmapped());
        assertThat(anchoring.status()).isEqualTo(Status.FUZZY);
        assertThat(anchoring.span()).isEqualTo(span(edited, (FERRY.replace("sandbar", "shoal")
                + COUNCIL.replace("1911", "1913")).strip()));
    }
}
