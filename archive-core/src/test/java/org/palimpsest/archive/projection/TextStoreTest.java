package org.palimpsest.archive.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.testing.CountedCommands;

/**
 * Texts are stored once for every projection, and a text made by a small edit costs the edit: read back exactly,
 * whatever the script, in at most two lookups.
 */
class TextStoreTest {

    /** About 40 KB: Korean, Japanese and a character outside the basic plane, so edits meet surrogate pairs. */
    private static final String TEXT = "서울의 항구에서 배가 떠났다. 港の記録を手で書き写した。 𝄞 the tide tables.\n\n".repeat(500);

    private CountedCommands commands;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        commands = new CountedCommands();
        database = commands.client().getDatabase("texts_test");
    }

    @AfterEach
    void stop() {
        commands.close();
    }

    private TextStore open() {
        return new StoreCollections(database, Generation.FIRST).texts();
    }

    private long storedBytes() {
        long bytes = 0;
        for (RawBsonDocument stored : database.getCollection(TextStore.COLLECTION, RawBsonDocument.class).find()) {
            bytes += stored.getByteBuffer().remaining();
        }
        return bytes;
    }

    @Test
    void aHundredSmallFixesCostTheirEditsAndEveryRevisionReadsBackExactly() {
        TextStore texts = open();
        List<String> revisions = new ArrayList<>(List.of(TEXT));
        List<String> hashes = new ArrayList<>(List.of(texts.put(TEXT)));
        long whole = storedBytes();
        for (int i = 0; i < 100; i++) {
            String before = revisions.get(i);
            // Every edit replaces one word in a different paragraph, some next to the surrogate pair.
            int at = before.offsetByCodePoints(0, (i * 397) % 20_000);
            TextChange fix = new TextChange(before.codePointCount(0, at), before.substring(at, before.offsetByCodePoints(at, 1)),
                    i % 2 == 0 ? "𝄢" : "島");
            String after = fix.applyTo(before);
            hashes.add(texts.put(after, hashes.get(i), before));
            revisions.add(after);
        }
        long edits = storedBytes() - whole;

        TextStore reopened = open();
        for (int i = 0; i < revisions.size(); i++) {
            assertThat(reopened.get(hashes.get(i))).as("revision %d", i).isEqualTo(revisions.get(i));
            assertThat(hashes.get(i)).isEqualTo(TextStore.hash(revisions.get(i)));
        }
        // A whole text per MOST_EDITS + 1 revisions, and between them each revision's edits since that one: 100
        // revisions cost about five copies of the text, not a hundred.
        assertThat(edits).as("bytes for 100 revisions of a %,d-character text (whole: %,d bytes)", TEXT.length(), whole)
                .isLessThan(6 * whole);
        MongoCollection<StoredText> stored = database.getCollection(TextStore.COLLECTION, StoredText.class);
        assertThat(stored.countDocuments(Filters.ne("text", null))).isEqualTo(1 + 100 / (TextStore.MOST_EDITS + 1));
        assertThat(stored.find().into(new ArrayList<>())).allSatisfy(text -> {
            if (!text.isWhole()) {
                assertThat(stored.find(Filters.eq("_id", text.base())).first()).as("base of " + text.hash())
                        .extracting(StoredText::isWhole).isEqualTo(true);
            }
        });
    }

    @Test
    void aTextStoredAlreadyIsNotWrittenAgainByAnotherProjection() {
        TextStore reading = open();
        TextStore timeline = open();
        String hash = reading.put(TEXT);
        String edited = TEXT.replaceFirst("항구", "부두");
        String editedHash = reading.put(edited, hash, TEXT);
        long writes = commands.count("update");

        assertThat(timeline.put(TEXT)).isEqualTo(hash);
        assertThat(timeline.put(edited, hash, TEXT)).isEqualTo(editedHash);
        // A revert makes the text it started from again: it is there already.
        assertThat(timeline.put(TEXT, editedHash, edited)).isEqualTo(hash);

        assertThat(commands.count("update")).as("writes by the second projection").isEqualTo(writes);
        assertThat(timeline.get(editedHash)).isEqualTo(edited);
    }

    @Test
    void aTextUnlikeTheOneBeforeIsStoredWhole() {
        TextStore texts = open();
        String hash = texts.put(TEXT);
        String reimported = "A different article altogether, about the harbour master.\n";

        String stored = texts.put(reimported, hash, TEXT);

        assertThat(database.getCollection(TextStore.COLLECTION, StoredText.class).find(Filters.eq("_id", stored)).first())
                .extracting(StoredText::text).isEqualTo(reimported);
    }

    @Test
    void theEditBetweenTwoTextsNeverCutsASurrogatePair() {
        // The texts differ in the low half of a pair only: the edit must take the whole character.
        String before = "a𝄞b";
        String after = "a𝄢b";

        TextChange edit = TextEdit.between(before, after).orElseThrow();

        assertThat(edit).isEqualTo(new TextChange(1, "𝄞", "𝄢"));
        assertThat(edit.applyTo(before)).isEqualTo(after);
        assertThat(TextEdit.between(before, before)).isEmpty();
        assertThat(TextEdit.between("ab", "aab").orElseThrow().applyTo("ab")).isEqualTo("aab");
    }
}
