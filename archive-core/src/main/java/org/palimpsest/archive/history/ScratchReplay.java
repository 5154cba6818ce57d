package org.palimpsest.archive.history;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Replays the log into fresh projection instances on a throwaway database, hands them to a check, and drops the
 * database whatever happens: the scaffolding every consistency check shares.
 */
public final class ScratchReplay {

    private final ReplayEngine replay;
    private final MongoClient client;
    private final String databaseName;
    private final WriteConcern scratchConcern;

    /** @param scratchConcern how the throwaway replicas are written: as the live projections are, at the least */
    public ScratchReplay(ReplayEngine replay, MongoClient client, String databaseName, WriteConcern scratchConcern) {
        this.replay = replay;
        this.client = client;
        this.databaseName = databaseName;
        this.scratchConcern = scratchConcern;
    }

    /**
     * Replays the log into a replica of every compared projection (each on a thread of its own, see
     * {@link ReplayEngine}), then compares each replica with its live projection: all of them as of the same point, in
     * one report.
     */
    public ConsistencyReport check(ReplayBound bound, List<? extends ProjectionComparison<?>> comparisons) {
        return onScratch(database -> {
            List<Replica> replicas = comparisons.stream().map(comparison -> Replica.of(comparison, database)).toList();
            long position = replay.replay(bound, replicas.stream().map(Replica::projection).toArray());
            List<ConsistencyReport.Difference> differences = new ArrayList<>();
            int records = 0;
            for (Replica replica : replicas) {
                ProjectionComparison.Outcome outcome = replica.compare().apply(bound);
                records += outcome.records();
                differences.addAll(outcome.differences());
            }
            return ConsistencyReport.of(position, records, differences);
        });
    }

    private <R> R onScratch(Function<MongoDatabase, R> work) {
        MongoDatabase scratch = client.getDatabase(databaseName + "_replay_" + UUID.randomUUID().toString().substring(0, 8))
                .withWriteConcern(scratchConcern);
        try {
            return work.apply(scratch);
        } finally {
            scratch.drop();
        }
    }

    /** A replica and the comparison that judges it, bound together while their type is known. */
    private record Replica(Object projection, Function<ReplayBound, ProjectionComparison.Outcome> compare) {

        static <P> Replica of(ProjectionComparison<P> comparison, MongoDatabase scratch) {
            P replica = comparison.replica(scratch);
            return new Replica(replica, bound -> comparison.compare(replica, bound));
        }
    }
}
