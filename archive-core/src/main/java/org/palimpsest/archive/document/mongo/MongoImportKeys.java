package org.palimpsest.archive.document.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.Optional;
import org.bson.Document;
import org.palimpsest.archive.document.ImportKeys;

/**
 * {@link ImportKeys} in the {@code document_import_keys} collection: the key is the {@code _id}, so every
 * lookup and claim is answered by the unique primary index, on real MongoDB and the embedded server alike.
 */
public class MongoImportKeys implements ImportKeys {

    public static final String COLLECTION = "document_import_keys";

    private final MongoCollection<Document> keys;

    public MongoImportKeys(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    @Override
    public Optional<String> find(String key) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", key)).first()).map(d -> d.getString("documentId"));
    }

    @Override
    public String claim(String key, String documentId) {
        try {
            Document bound = keys.findOneAndUpdate(Filters.eq("_id", key),
                    Updates.setOnInsert("documentId", documentId),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return bound == null ? documentId : bound.getString("documentId");
        } catch (MongoWriteException e) {
            // Two upserts of one new _id can race on real MongoDB: the loser reads the winner's binding.
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return find(key).orElseThrow(() -> e);
            }
            throw e;
        }
    }
}
