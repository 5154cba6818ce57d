package org.palimpsest.archive.history;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.FindReadingViewAsOf;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.palimpsest.archive.projection.reading.ReadingViewQueries;

/**
 * Checks that the reading views an as-of read returns are what a replay of the events produces, document by
 * document and field by field.
 */
public final class ReadingViewConsistency implements ProjectionComparison<ReadingViewProjection> {

    private final ScratchReplay scratch;
    private final ReadingViewProjection live;

    public ReadingViewConsistency(ScratchReplay scratch, ReadingViewProjection live) {
        this.scratch = scratch;
        this.live = live;
    }

    /** The reading views alone. */
    public ConsistencyReport check(ReplayBound bound) {
        return scratch.check(bound, List.of(this));
    }

    @Override
    public String projection() {
        return ReadingViewProjection.PROCESSING_GROUP;
    }

    @Override
    public ReadingViewProjection replica(MongoDatabase scratchDatabase) {
        return live.replica(scratchDatabase);
    }

    @Override
    public Outcome compare(ReadingViewProjection replayed, ReplayBound bound) {
        TreeSet<String> ids = new TreeSet<>(replayed.currentIds());
        ids.addAll(live.currentIds());
        List<ConsistencyReport.Difference> differences = new ArrayList<>();
        for (String id : ids) {
            RecordDifferences.between(projection(), id, "",
                    new ReadingViewQueries(live).handle(new FindReadingViewAsOf(id, bound.position(), bound.time())).orElse(null),
                    new ReadingViewQueries(replayed).handle(new FindReadingView(id)).orElse(null), differences);
        }
        return new Outcome(ids.size(), differences);
    }
}
