package org.palimpsest.annotations.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.extraction.Span;

class SelectorCheckTest {

    private static final String TEXT = "Olek mended nets by the weir. Olek sold them at the fair in Brenne. 🎣 Café Nord closed.";

    @Test
    void aPositionHoldingTheQuoteIsKeptAndContextCaptured() {
        VerifiedSelectors verified = SelectorCheck.verify(TEXT, TextQuoteSelector.of("Olek"), new TextPositionSelector(30, 34));
        assertThat(verified.position()).isEqualTo(new TextPositionSelector(30, 34));
        assertThat(verified.quote()).isEqualTo(new TextQuoteSelector("Olek", "Olek mended nets by the weir. ",
                " sold them at the fair in Brenne"));
    }

    @Test
    void aUniqueQuoteGetsItsPosition() {
        VerifiedSelectors verified = SelectorCheck.verify(TEXT, TextQuoteSelector.of("the weir"), null);
        assertThat(verified.position()).isEqualTo(new TextPositionSelector(20, 28));
    }

    @Test
    void contextTellsARepeatedQuoteApart() {
        VerifiedSelectors verified = SelectorCheck.verify(TEXT, new TextQuoteSelector("Olek", null, " sold"), null);
        assertThat(verified.position()).isEqualTo(new TextPositionSelector(30, 34));
        assertThat(verified.quote().suffix()).as("context given is kept as given").isEqualTo(" sold");
        assertThat(verified.quote().prefix()).isEqualTo("Olek mended nets by the weir. ");
    }

    @Test
    void refusesARepeatedQuoteWithNothingToTellThePlacesApart() {
        assertThatThrownBy(() -> SelectorCheck.verify(TEXT, TextQuoteSelector.of("Olek"), null))
                .isInstanceOfSatisfying(SelectorMismatchException.class, e -> {
                    assertThat(e.field()).isEqualTo("target.selector");
                    assertThat(e.candidates()).containsExactly(new Span(0, 4), new Span(30, 34));
                    assertThat(e.getMessage()).contains("2 times");
                });
    }

    @Test
    void aOneLetterQuoteInALongTextIsRefusedQuicklyWithABoundedList() {
        String longText = "abc ".repeat(50_000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> SelectorCheck.verify(longText, new TextQuoteSelector("b", "a", null), null))
                .isInstanceOfSatisfying(SelectorMismatchException.class, e -> {
                    assertThat(e.candidates()).hasSize(20);
                    assertThat(e.getMessage()).contains("50000 times");
                });
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void refusesSelectorsThatDisagreeWithTheText() {
        assertThatThrownBy(() -> SelectorCheck.verify(TEXT, TextQuoteSelector.of("Olek"), new TextPositionSelector(5, 9)))
                .isInstanceOf(SelectorMismatchException.class).hasMessageContaining("mend");
        assertThatThrownBy(() -> SelectorCheck.verify(TEXT, TextQuoteSelector.of("Olek"), new TextPositionSelector(500, 504)))
                .isInstanceOf(SelectorMismatchException.class).hasMessageContaining("beyond the end");
        assertThatThrownBy(() -> SelectorCheck.verify(TEXT, new TextQuoteSelector("Olek", "by the dam. ", null),
                new TextPositionSelector(30, 34)))
                .isInstanceOf(SelectorMismatchException.class).hasMessageContaining("prefix");
        assertThatThrownBy(() -> SelectorCheck.verify(TEXT, TextQuoteSelector.of("the mill"), null))
                .isInstanceOf(SelectorMismatchException.class).hasMessageContaining("not in the text");
        assertThatThrownBy(() -> SelectorCheck.verify(TEXT, TextQuoteSelector.of(""), null))
                .isInstanceOf(SelectorMismatchException.class).hasMessageContaining("non-empty");
    }

    @Test
    void positionsCountCodePointsAndQuotesAreComparedInNfc() {
        String decomposed = Normalizer.normalize("Café Nord", Normalizer.Form.NFD);
        VerifiedSelectors verified = SelectorCheck.verify(TEXT, TextQuoteSelector.of(decomposed), null);
        assertThat(verified.quote().exact()).isEqualTo("Café Nord");
        int start = TEXT.codePointCount(0, TEXT.indexOf("Café"));
        assertThat(verified.position()).isEqualTo(new TextPositionSelector(start, start + 9));
        assertThat(start).isEqualTo(TEXT.indexOf("Café") - 1);
    }
}
