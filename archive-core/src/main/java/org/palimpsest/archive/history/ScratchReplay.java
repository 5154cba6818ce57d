package org.palimpsest.archive.history;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Replays the log into a fresh projection instance on a throwaway database, hands it to a check, and drops the
 * database whatever happens: the scaffolding every consistency check shares.
 */
public final class ScratchReplay {

    private final ReplayEngine replay;
    private final MongoClient client;
    private final String databaseName;

    public ScratchReplay(ReplayEngine replay, MongoClient client, String databaseName) {
        this.replay = replay;
        this.client = client;
        this.databaseName = databaseName;
    }

    /**
     * @param projection builds the projection on the scratch database
     * @param check      receives the replayed projection and the last position replayed
     */
    public <P, R> R check(ReplayBound bound, Function<MongoDatabase, P> projection, BiFunction<P, Long, R> check) {
        MongoDatabase scratch = client.getDatabase(databaseName + "_replay_" + UUID.randomUUID().toString().substring(0, 8));
        try {
            P replayed = projection.apply(scratch);
            long position = replay.replay(bound, replayed);
            return check.apply(replayed, position);
        } finally {
            scratch.drop();
        }
    }
}
