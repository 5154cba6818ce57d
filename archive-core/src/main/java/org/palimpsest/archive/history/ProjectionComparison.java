package org.palimpsest.archive.history;

import com.mongodb.client.MongoDatabase;
import java.util.List;

/**
 * One projection's part in a consistency check: {@link ScratchReplay} builds a replica of it on the scratch
 * database, replays the log into every replica at once, and asks each comparison how its replica differs from what
 * the live projection answers for the same point.
 *
 * @param <P> the projection
 */
public interface ProjectionComparison<P> {

    /** The projection's name in reports: its processing group, as {@code GET /api/admin/projections} lists it. */
    String projection();

    /** The same projection, writing to {@code scratch} only. */
    P replica(MongoDatabase scratch);

    /** Compares the replica, replayed up to {@code bound}, with the live projection's answer as of {@code bound}. */
    Outcome compare(P replayed, ReplayBound bound);

    /**
     * @param records how many records (documents, annotations, timeline entries, …) were compared
     */
    record Outcome(int records, List<ConsistencyReport.Difference> differences) {
    }
}
