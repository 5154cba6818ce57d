package org.palimpsest.archive.projection;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the collections of one generation of a projection's store, and remembers them: what a rebuild drops and a
 * reset empties is what the store opened, so no list of names is kept by hand. The order they are opened in is the
 * order a batch is flushed in (see {@link ProjectionWrites}): a store opens the record that guards against
 * redelivery last.
 */
public final class StoreCollections {

    private final MongoDatabase database;
    private final Generation generation;
    private final List<KeyedCollection<?>> opened = new ArrayList<>();

    public StoreCollections(MongoDatabase database, Generation generation) {
        this.database = database;
        this.generation = generation;
    }

    /** The collection {@code name} of this generation ({@code name_g2} for generation 2). */
    public <T> KeyedCollection<T> keyed(String name, Class<T> type) {
        return keyed(name, "", type);
    }

    /** The collection {@code name} of this generation with {@code suffix} after the generation ({@code name_g2_blocks}). */
    <T> KeyedCollection<T> keyed(String name, String suffix, Class<T> type) {
        KeyedCollection<T> collection = new KeyedCollection<>(
                database.getCollection(generation.name(name) + suffix, type), opened.size());
        opened.add(collection);
        return collection;
    }

    /** A version index over the collections {@code name_directory} and {@code name_blocks} (of this generation). */
    public VersionIndex versionIndex(String name) {
        return new VersionIndex(this, name);
    }

    /**
     * The texts of documents' revisions: one collection for every projection and generation, so it is neither
     * dropped with a generation nor emptied by a reset. Its writes are flushed before any of a store's own, since
     * what a store writes refers to them.
     */
    public TextStore texts() {
        return new TextStore(KeyedCollection.shared(database.getCollection(TextStore.COLLECTION, StoredText.class), -1));
    }

    /** Content stored once by its hash, in {@code name} of this generation. */
    public ContentStore contents(String name) {
        return new ContentStore(this, name, database.getCodecRegistry());
    }

    public MongoDatabase database() {
        return database;
    }

    public Generation generation() {
        return generation;
    }

    List<KeyedCollection<?>> opened() {
        return List.copyOf(opened);
    }
}
