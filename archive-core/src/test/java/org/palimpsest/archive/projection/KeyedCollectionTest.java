package org.palimpsest.archive.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import org.bson.codecs.pojo.annotations.BsonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.testing.CountedCommands;

/**
 * Whether content is stored, asked of a collection by key: a collection found empty (a fresh generation, a replay's
 * scratch) answers for keys it never wrote without a query per key; one that holds records written elsewhere is asked
 * per key, and a key is taken to be present only once seen.
 */
class KeyedCollectionTest {

    public record Stored(@BsonId String key) {
    }

    private CountedCommands commands;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        commands = new CountedCommands();
        database = commands.client().getDatabase("keyed_test");
    }

    @AfterEach
    void stop() {
        commands.close();
    }

    private KeyedCollection<Stored> open() {
        return new StoreCollections(database, Generation.FIRST).keyed("contents", Stored.class);
    }

    @Test
    void aCollectionFoundEmptyAnswersForKeysItNeverWroteWithoutAQueryEach() {
        KeyedCollection<Stored> contents = open();

        assertThat(contents.contains("a")).isFalse();
        assertThat(contents.contains("b")).isFalse();
        contents.put("c", new Stored("c"));
        assertThat(contents.contains("c")).isTrue();
        assertThat(contents.contains("d")).isFalse();

        assertThat(commands.count("find")).as("one look at whether it is empty, none per key").isEqualTo(1);
    }

    @Test
    void aCollectionHoldingRecordsWrittenElsewhereIsAskedPerKeyAndSeesThem() {
        database.getCollection("contents", Stored.class).insertOne(new Stored("elsewhere"));
        KeyedCollection<Stored> contents = open();

        assertThat(contents.contains("elsewhere")).isTrue();
        assertThat(contents.contains("absent")).isFalse();
        assertThat(contents.contains("elsewhere")).as("remembered once seen").isTrue();

        assertThat(commands.count("find")).as("whether it is empty, then each key not known").isEqualTo(3);
    }

    @Test
    void aCollectionWrittenBeforeItsFirstQuestionIsAskedPerKey() {
        KeyedCollection<Stored> contents = open();
        contents.put("mine", new Stored("mine"));
        database.getCollection("contents", Stored.class).insertOne(new Stored("theirs"));

        assertThat(contents.contains("theirs")).as("found non-empty by its own write, so the store is asked").isTrue();
        assertThat(contents.contains("mine")).isTrue();
    }

    @Test
    void anEmptiedCollectionAnswersFromWhatItWroteSince() {
        database.getCollection("contents", Stored.class).insertOne(new Stored("old"));
        KeyedCollection<Stored> contents = open();
        assertThat(contents.contains("old")).isTrue();
        contents.clear();
        commands.reset();

        assertThat(contents.contains("old")).isFalse();
        contents.put("new", new Stored("new"));
        assertThat(contents.contains("new")).isTrue();
        assertThat(commands.count("find")).isEqualTo(0);
    }
}
