package org.palimpsest.api.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Password hashes, one per account name, in their own {@code credentials} collection keyed (uniquely) by the name.
 * Kept out of the event log on purpose: the log is exported and audited, and a hash there would be readable by
 * every auditor and every backup forever.
 */
@Component
public class Credentials {

    static final String COLLECTION = "credentials";

    private final MongoCollection<Document> hashes;

    Credentials(MongoDatabase archiveDatabase) {
        this.hashes = archiveDatabase.getCollection(COLLECTION);
    }

    /** The stored hash, in Spring Security's {@code {id}hash} form. */
    Optional<String> hash(String name) {
        return Optional.ofNullable(hashes.find(Filters.eq("_id", name)).first()).map(d -> d.getString("hash"));
    }

    void put(String name, String hash) {
        hashes.replaceOne(Filters.eq("_id", name), entry(name, hash), new ReplaceOptions().upsert(true));
    }

    /** Stores a hash only if the name has none yet; false when another process got there first. */
    boolean putIfAbsent(String name, String hash) {
        try {
            hashes.insertOne(entry(name, hash));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void remove(String name) {
        hashes.deleteOne(Filters.eq("_id", name));
    }

    boolean none() {
        return hashes.find().limit(1).first() == null;
    }

    private static Document entry(String name, String hash) {
        return new Document("_id", name).append("hash", hash).append("changedAt", Date.from(Instant.now()));
    }
}
