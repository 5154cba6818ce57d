package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend with each collection's documents stored as BSON ({@link BsonDocumentType}), each
 * unique index in a map of its own layout ({@link IndexKeyType}) and {@code $in} tested by set ({@link InSetCollection});
 * the collections' maps and their names stay as that backend lays them out, so a store it wrote opens, and its indexes
 * are rebuilt in the new layout as it opens.
 */
final class CompactH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(CompactH2Backend.class);

    CompactH2Backend(MVStore store) {
        super(store);
    }

    /**
     * The store of the database under construction. {@code H2Database}'s constructor already opens the system
     * collections through {@link Database#openOrCreateCollection}, before a subclass can have set a field, and keeps
     * its own store private.
     */
    private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

    // Runs inside H2Backend's constructor for the databases already in the store: it may use only its arguments.
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        CONSTRUCTING.set(getMvStore());
        try {
            return new Database(databaseName, getMvStore(), getCursorRegistry());
        } finally {
            CONSTRUCTING.remove();
        }
    }

    private static final class Database extends H2Database {

        /** The names mongo-java-server's {@code H2Database} gives a collection's two maps. */
        private static final String DOCUMENTS = "databases.";
        private static final String META = "meta.";
        /** Infix of the map of a unique index as mongo-java-server's {@code H2Database} keeps it, in H2's order. */
        private static final String SERIALIZED_INDEX = "._index_";
        /** Infix of the map of a unique index kept in {@link IndexKeyOrder}. */
        private static final String INDEX = "._keys_";

        private final MVStore store;

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
            this.store = store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = store();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = store.openMap(DOCUMENTS + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = store.openMap(META + fullName);
            return new InSetCollection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        /**
         * The index in a map ordered by {@link IndexKeyOrder}. A store written before keeps the index in a map of
         * H2's serialized-byte order, which that order does not share: the old map is removed and the index opens
         * empty, and mongo-java-server fills an empty index from the collection's documents before it takes it into
         * use, as for any index created on a collection that holds documents. The rebuild happens as the database
         * opens, which for every database in the file is before the server serves.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = store();
            String fullName = getFullCollectionNamespace(collectionName);
            String serialized = fullName + SERIALIZED_INDEX + indexName;
            String name = fullName + INDEX + indexName;
            if (store.hasMap(serialized)) {
                log.info("rebuilding the unique index {} of {} in the compact key layout", indexName, fullName);
                store.removeMap(serialized);
                // Only an earlier version of this store can have written to the old map after this one wrote the new
                // one, which then lacks its writes.
                store.removeMap(name);
            }
            MVMap<KeyValue, Object> positions = store.openMap(name,
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            return new UniqueKeyIndex(positions, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            store().removeMap(getFullCollectionNamespace(collection.getCollectionName()) + INDEX + indexName);
        }

        /**
         * {@code H2Database} renames the collection's maps only after the collection already carries its new name, so
         * it renames nothing and the documents stay under the old name, where the store no longer looks once it
         * reopens; it leaves the index maps behind too. Here every map of the collection takes the new name.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String oldName = collection.getFullName();
            List<String> indexNames = new ArrayList<>();
            MongoCollection<Object> indexDescriptions = indexes.get();
            if (indexDescriptions != null) {
                indexDescriptions.handleQuery(new Document("ns", oldName))
                        .forEach(index -> indexNames.add((String) index.get("name")));
            }
            super.moveCollection(oldDatabase, collection, newCollectionName);
            String newName = getFullCollectionNamespace(newCollectionName);
            renameMap(DOCUMENTS + oldName, DOCUMENTS + newName);
            renameMap(META + oldName, META + newName);
            for (String index : indexNames) {
                renameMap(oldName + INDEX + index, newName + INDEX + index);
            }
        }

        private void renameMap(String from, String to) {
            MVStore store = store();
            if (!store.hasMap(from)) {
                return;
            }
            // The map H2Database just opened under the new name: nothing can have been written to it yet.
            if (store.hasMap(to)) {
                MVMap<Object, Object> empty = store.openMap(to);
                if (!empty.isEmpty()) {
                    throw new IllegalStateException("cannot rename the map " + from + ": " + to + " holds data");
                }
                store.removeMap(empty);
            }
            store.renameMap(store.openMap(from), to);
        }

        private MVStore store() {
            return this.store != null ? this.store : CONSTRUCTING.get();
        }
    }
}
