package org.palimpsest.archive.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.input.FieldTooLongException;
import org.palimpsest.archive.input.InputLimits;
import org.palimpsest.archive.input.InvalidTextException;

class DocumentTest {

    private static final DocumentSource SOURCE =
            new DocumentSource("https://example.org/a", "Example Press", Instant.parse("2024-05-01T10:00:00Z"));

    private FixtureConfiguration<Document> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Document.class);
    }

    @Test
    void importsANewDocumentAtRevisionZero() {
        String text = "첫 번째 문단.\n\n두 번째 문단.";
        fixture.givenNoPriorActivity()
                .when(new ImportDocument("d1", SOURCE, "제목", "ko", "2024-03-06", text, "alice"))
                .expectEvents(new DocumentImported("d1", SOURCE, "제목", "ko", "2024-03-06", text, ContentHash.of(text), "alice"))
                .expectResultMessagePayload(new ImportOutcome("d1", ImportOutcome.Result.IMPORTED, 0, ContentHash.of(text)));
    }

    @Test
    void reimportingIdenticalContentRecordsNothing() {
        String text = "same words";
        fixture.given(new DocumentImported("d1", SOURCE, "t", "en", null, text, ContentHash.of(text), "alice"))
                .when(new ImportDocument("d1", SOURCE, "t", "en", null, text, "bob"))
                .expectNoEvents()
                .expectResultMessagePayload(new ImportOutcome("d1", ImportOutcome.Result.UNCHANGED, 0, ContentHash.of(text)));
    }

    @Test
    void changedContentFromTheSameSourceIsANewRevision() {
        String before = "first version";
        String after = "second version";
        fixture.given(new DocumentImported("d1", SOURCE, "t", "en", null, before, ContentHash.of(before), "alice"))
                .when(new ImportDocument("d1", SOURCE, "t2", "en", null, after, "bob"))
                .expectEvents(new DocumentReimported("d1", SOURCE, "t2", "en", null, after, ContentHash.of(after), 1, "bob"))
                .expectResultMessagePayload(new ImportOutcome("d1", ImportOutcome.Result.REIMPORTED, 1, ContentHash.of(after)));
    }

    @Test
    void revisionKeepsCountingAcrossReimports() {
        fixture.given(new DocumentImported("d1", SOURCE, "t", "en", null, "a", ContentHash.of("a"), "alice"),
                        new DocumentReimported("d1", SOURCE, "t", "en", null, "b", ContentHash.of("b"), 1, "alice"))
                .when(new ImportDocument("d1", SOURCE, "t", "en", null, "c", "alice"))
                .expectEvents(new DocumentReimported("d1", SOURCE, "t", "en", null, "c", ContentHash.of("c"), 2, "alice"));
    }

    @Test
    void returningToAnEarlierTextIsAlsoARevision() {
        fixture.given(new DocumentImported("d1", SOURCE, "t", "en", null, "a", ContentHash.of("a"), "alice"),
                        new DocumentReimported("d1", SOURCE, "t", "en", null, "b", ContentHash.of("b"), 1, "alice"))
                .when(new ImportDocument("d1", SOURCE, "t", "en", null, "a", "alice"))
                .expectEvents(new DocumentReimported("d1", SOURCE, "t", "en", null, "a", ContentHash.of("a"), 2, "alice"));
    }

    @Test
    void rejectsBlankText() {
        fixture.givenNoPriorActivity()
                .when(new ImportDocument("d1", SOURCE, "t", "en", null, "  \n ", "alice"))
                .expectException(InvalidDocumentException.class)
                .expectNoEvents();
    }

    @Test
    void theContentHashIsTheSha256OfTheStoredTextEvenWhenNormalizingChangesIt() throws Exception {
        // A byte-order mark, CRLF line ends and a decomposed é: a sender that skipped DocumentText.normalize.
        String sent = "\uFEFFCafe\u0301 au lait\r\nsecond line\r";
        String stored = "Caf\u00e9 au lait\nsecond line\n";
        String sha256 = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(stored.getBytes(StandardCharsets.UTF_8)));
        fixture.givenNoPriorActivity()
                .when(new ImportDocument("d1", SOURCE, "t", "fr", null, sent, "alice"))
                .expectEvents(new DocumentImported("d1", SOURCE, "t", "fr", null, stored, sha256, "alice"));
    }

    @Test
    void refusesTextWithALoneSurrogate() {
        fixture.givenNoPriorActivity()
                .when(new ImportDocument("d1", SOURCE, "t", "en", null, "half of \uD83D an emoji", "alice"))
                .expectException(InvalidTextException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("text"))
                .expectNoEvents();
    }

    @Test
    void refusesATitleOverItsLimitNamingFieldAndLimit() {
        String title = "T".repeat(InputLimits.TITLE + 1);
        fixture.givenNoPriorActivity()
                .when(new ImportDocument("d1", SOURCE, title, "en", null, "words", "alice"))
                .expectException(FieldTooLongException.class)
                .expectExceptionMessage("title is limited to " + InputLimits.TITLE
                        + " characters (code points); this one has " + (InputLimits.TITLE + 1))
                .expectNoEvents();
    }

    @Test
    void refusesOversizedMetadata() {
        DocumentSource longSource = new DocumentSource("https://example.org/" + "p".repeat(InputLimits.SOURCE_URI),
                null, SOURCE.retrievedAt());
        fixture.givenNoPriorActivity()
                .when(new ImportDocument("d1", longSource, "t", "en", null, "words", "alice"))
                .expectException(FieldTooLongException.class)
                .expectNoEvents();
    }
}
