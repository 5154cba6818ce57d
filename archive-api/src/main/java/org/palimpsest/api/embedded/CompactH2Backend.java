package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with each collection's documents stored as BSON ({@link BsonDocumentType}); maps,
 * their names and everything else stay as that backend lays them out, so a store it wrote opens unchanged.
 */
final class CompactH2Backend extends H2Backend {

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

        private final MVStore store;

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
            this.store = store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = this.store != null ? this.store : CONSTRUCTING.get();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = store.openMap(DOCUMENTS + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = store.openMap(META + fullName);
            return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }
    }
}
