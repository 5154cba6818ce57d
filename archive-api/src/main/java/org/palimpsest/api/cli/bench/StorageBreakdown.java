package org.palimpsest.api.cli.bench;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bson.RawBsonDocument;

/**
 * What each collection of the archive's database holds, as BSON: the live data behind the data-directory figures,
 * printed with the progress so that a figure that grows can be traced to the collection that grew. The store file
 * holds these compressed, plus its indexes and dead space.
 */
final class StorageBreakdown {

    /** Collections listed by name; the rest are summed in one line. */
    private static final int LISTED = 14;

    record Collection(String name, long documents, long bytes) {
    }

    private StorageBreakdown() {
    }

    static List<Collection> of(MongoDatabase database) {
        List<Collection> collections = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            long documents = 0;
            long bytes = 0;
            for (RawBsonDocument document : database.getCollection(name, RawBsonDocument.class).find()) {
                documents++;
                bytes += document.getByteBuffer().remaining();
            }
            collections.add(new Collection(name, documents, bytes));
        }
        collections.sort(Comparator.comparingLong(Collection::bytes).reversed());
        return collections;
    }

    /** One progress line per large collection, then the rest and the total. */
    static void report(MongoDatabase database, String when, long dataDirBytes, Progress progress) {
        List<Collection> collections = of(database);
        long total = collections.stream().mapToLong(Collection::bytes).sum();
        progress.step(String.format(Locale.ROOT, "data directory %s: %.2f MB on disk, %.2f MB of BSON in %d collections",
                when, dataDirBytes / 1e6, total / 1e6, collections.size()));
        long rest = 0;
        int restCount = 0;
        for (int i = 0; i < collections.size(); i++) {
            Collection c = collections.get(i);
            if (i < LISTED) {
                progress.step(String.format(Locale.ROOT, "  %-40s %,9d docs %10.3f MB", c.name(), c.documents(), c.bytes() / 1e6));
            } else {
                rest += c.bytes();
                restCount++;
            }
        }
        if (restCount > 0) {
            progress.step(String.format(Locale.ROOT, "  %-40s %,9d colls %9.3f MB", "(the others)", restCount, rest / 1e6));
        }
    }
}
