package org.palimpsest.archive.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A projection collection read and written by key (the only lookups the embedded server answers without a scan),
 * through the unit of work's {@link ProjectionWrites}: writes are held back to the end of the batch, and reads by
 * key see them. Queries read {@link #committed()}, what the last flushed batch left.
 *
 * @param <T> the record stored, whose id is its key
 */
public final class KeyedCollection<T> {

    /** Beyond this many keys the set of keys known to be stored starts afresh, to bound its memory. */
    private static final int KNOWN_LIMIT = 100_000;

    private final MongoCollection<T> collection;
    private final int rank;
    /**
     * Keys known to be stored (flushed by this process or found in the store), so that {@link #contains} asks the
     * store once per key; for content, which is never deleted but with its whole collection.
     */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /**
     * Whether {@link #known} is all the collection holds, as far as {@link #contains} needs to know: so when this
     * instance found it empty before writing anything (a fresh generation, a replay's scratch) or emptied it, until
     * {@link #known} is cleared for its size. Then a key not known is taken to be absent without asking the store,
     * which saves a round trip per new content hash. Another writer (a second node) may have stored it meanwhile: it
     * is written again, which costs a write and is harmless for content stored under its hash; a key is never taken
     * to be present unless it was seen.
     */
    private volatile Knowledge knowledge = Knowledge.UNCHECKED;
    /** Whether this instance has written to the collection: then finding it empty would prove nothing. */
    private volatile boolean written;

    private enum Knowledge { UNCHECKED, COMPLETE, PARTIAL }

    KeyedCollection(MongoCollection<T> collection, int rank) {
        this.collection = collection;
        this.rank = rank;
    }

    /**
     * A collection other projections write too (see {@link TextStore}): finding it empty proves nothing for long, so a
     * key not known to be stored is always looked up, and a key another projection stored is not written again.
     */
    static <T> KeyedCollection<T> shared(MongoCollection<T> collection, int rank) {
        KeyedCollection<T> shared = new KeyedCollection<>(collection, rank);
        shared.knowledge = Knowledge.PARTIAL;
        return shared;
    }

    /** The record under {@code key}, as this unit of work has left it. */
    public Optional<T> find(String key) {
        Optional<Optional<T>> pending = ProjectionWrites.pending(this, key);
        if (pending.isPresent()) {
            return pending.get();
        }
        return Optional.ofNullable(collection.find(Filters.eq("_id", key)).first());
    }

    /** Replaces (or inserts) the record under {@code key}. */
    public void put(String key, T record) {
        if (!ProjectionWrites.hold(this, key, record)) {
            written = true;
            collection.replaceOne(Filters.eq("_id", key), record, new ReplaceOptions().upsert(true));
            remember(key);
        }
    }

    /** What this unit of work holds back under {@code key}, if it is a record (not a delete). */
    Optional<T> pending(String key) {
        return ProjectionWrites.pending(this, key).flatMap(found -> found);
    }

    /**
     * Whether a record is under {@code key}, without reading it. Meant for content stored by its hash: a key once seen
     * stored is taken to stay so until the collection is cleared in this process; in a collection this instance found
     * empty, a key it has not seen is taken to be absent (see {@link #knowledge}).
     */
    public boolean contains(String key) {
        Optional<Optional<T>> pending = ProjectionWrites.pending(this, key);
        if (pending.isPresent()) {
            return pending.get().isPresent();
        }
        if (known.contains(key)) {
            return true;
        }
        if (knowledge() == Knowledge.COMPLETE) {
            return false;
        }
        boolean stored = collection.find(Filters.eq("_id", key)).projection(Projections.include("_id")).first() != null;
        if (stored) {
            remember(key);
        }
        return stored;
    }

    private Knowledge knowledge() {
        if (knowledge == Knowledge.UNCHECKED) {
            boolean empty = !written && collection.find().projection(Projections.include("_id")).first() == null;
            // Asked again: a segment thread sharing this instance may have begun writing meanwhile.
            knowledge = empty && !written ? Knowledge.COMPLETE : Knowledge.PARTIAL;
        }
        return knowledge;
    }

    private void remember(String key) {
        if (known.size() >= KNOWN_LIMIT) {
            known.clear();
            knowledge = Knowledge.PARTIAL;
        }
        known.add(key);
    }

    public void delete(Collection<String> keys) {
        for (String key : keys) {
            if (!ProjectionWrites.hold(this, key, null)) {
                written = true;
                known.remove(key);
                collection.deleteOne(Filters.eq("_id", key));
            }
        }
    }

    /** Empties the collection, dropping what is held back for it too. */
    public void clear() {
        ProjectionWrites.forget(this);
        known.clear();
        collection.deleteMany(Filters.empty());
        knowledge = Knowledge.COMPLETE;
    }

    /** The collection as flushed, for queries. */
    public MongoCollection<T> committed() {
        return collection;
    }

    public String name() {
        return collection.getNamespace().getCollectionName();
    }

    int rank() {
        return rank;
    }

    /** One bulk write of everything held back for this collection. */
    @SuppressWarnings("unchecked")
    void writeAll(Map<String, Optional<Object>> writes) {
        List<WriteModel<T>> models = new ArrayList<>(writes.size());
        writes.forEach((key, value) -> models.add(value.isPresent()
                ? new ReplaceOneModel<>(Filters.eq("_id", key), (T) value.get(), new ReplaceOptions().upsert(true))
                : new DeleteOneModel<>(Filters.eq("_id", key))));
        if (!models.isEmpty()) {
            written = true;
            collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
        }
        writes.forEach((key, value) -> {
            if (value.isPresent()) {
                remember(key);
            } else {
                known.remove(key);
            }
        });
    }
}
