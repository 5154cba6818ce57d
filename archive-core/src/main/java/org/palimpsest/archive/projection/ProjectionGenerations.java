package org.palimpsest.archive.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.codecs.pojo.annotations.BsonId;

/** Which generation of its collections each projection reads, so that a restart opens the adopted one. */
public final class ProjectionGenerations {

    /** The generation a processing group reads now. */
    public record Current(@BsonId String processingGroup, int generation) {
    }

    private final MongoCollection<Current> generations;

    public ProjectionGenerations(MongoDatabase database) {
        this.generations = database.getCollection("projection_generations", Current.class);
    }

    public Generation current(String processingGroup) {
        Current current = generations.find(Filters.eq("_id", processingGroup)).first();
        return current == null ? Generation.FIRST : new Generation(current.generation());
    }

    public void adopt(String processingGroup, Generation generation) {
        generations.replaceOne(Filters.eq("_id", processingGroup), new Current(processingGroup, generation.number()),
                new ReplaceOptions().upsert(true));
    }
}
