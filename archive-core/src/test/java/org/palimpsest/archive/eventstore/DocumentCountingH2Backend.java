package org.palimpsest.archive.eventstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.concurrent.atomic.LongAdder;

/**
 * mongo-java-server's H2 backend, counting the documents its queries examine: one per document fetched through an
 * index, every document of the collection for a scan. Gives the cost tests a deterministic measure instead of time.
 * <p>
 * Opens its maps under the same names as {@link H2Database} (as of mongo-java-server 1.47), so its files are plain
 * H2 backend files.
 */
final class DocumentCountingH2Backend extends H2Backend {

    private final LongAdder examined = new LongAdder();

    DocumentCountingH2Backend(String fileName) {
        super(fileName);
    }

    long documentsExamined() {
        return examined.sum();
    }

    @SuppressWarnings("ConstantValue")
    private void countExamined(long documents) {
        // null while H2Backend's constructor reopens the databases of an existing file
        if (examined != null) {
            examined.add(documents);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        DocumentCountingH2Backend backend = this;
        MVStore store = getMvStore();
        return new H2Database(databaseName, store, getCursorRegistry()) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName,
                                                                     CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                return new CountingCollection(this, collectionName, options,
                                              store.openMap("databases." + namespace),
                                              store.openMap("meta." + namespace), cursorRegistry, backend);
            }
        };
    }

    private static final class CountingCollection extends H2Collection {

        private final DocumentCountingH2Backend backend;

        CountingCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                           CursorRegistry cursorRegistry, DocumentCountingH2Backend backend) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
            this.backend = backend;
        }

        @Override
        protected Document getDocument(Object position) {
            if (backend != null) {
                backend.countExamined(1);
            }
            return super.getDocument(position);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            backend.countExamined(count());
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
