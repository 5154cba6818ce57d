package org.palimpsest.archive.history;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.palimpsest.archive.projection.timeline.TimelineEntry;
import org.palimpsest.archive.projection.timeline.TimelineProjection;

/**
 * Checks that the timeline entries an as-of read is built from are what a replay of the events extracts, entry by
 * entry and field by field. Entries, not grouped events, are compared: grouping happens at query time from them.
 */
public final class TimelineConsistency implements ProjectionComparison<TimelineProjection> {

    private final TimelineProjection live;

    public TimelineConsistency(TimelineProjection live) {
        this.live = live;
    }

    @Override
    public String projection() {
        return TimelineProjection.PROCESSING_GROUP;
    }

    @Override
    public TimelineProjection replica(MongoDatabase scratch) {
        return live.replica(scratch);
    }

    @Override
    public Outcome compare(TimelineProjection replayed, ReplayBound bound) {
        Map<String, TimelineEntry> then = byKey(live.entries(bound.position(), bound.time()));
        Map<String, TimelineEntry> fromReplay = byKey(replayed.entries(null, null));
        List<ConsistencyReport.Difference> differences = new ArrayList<>();
        int records = RecordDifferences.byKey(projection(), then, fromReplay, TimelineEntry::documentId,
                entry -> "entry " + entry.key().substring(entry.documentId().length()), differences);
        return new Outcome(records, differences);
    }

    private static Map<String, TimelineEntry> byKey(List<TimelineEntry> entries) {
        return entries.stream().collect(Collectors.toMap(TimelineEntry::key, Function.identity()));
    }
}
