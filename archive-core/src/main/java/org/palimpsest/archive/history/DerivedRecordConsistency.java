package org.palimpsest.archive.history;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.projection.email.EmailProjection;
import org.palimpsest.archive.projection.email.EmailRendering;
import org.palimpsest.archive.projection.timeline.TimelineEntry;
import org.palimpsest.archive.projection.timeline.TimelineProjection;

/**
 * Checks that the records a projection derives from documents' text, as its as-of reads are built from them, are
 * what a replay of the events derives, record by record and field by field. Records, not what queries group from
 * them (timeline events, email messages), are compared: grouping happens at query time.
 *
 * @param <P> the projection
 * @param <R> its derived record
 */
public final class DerivedRecordConsistency<P, R extends Record> implements ProjectionComparison<P> {

    /** A projection's derived records as of a position or a time (both null: as it stands). */
    @FunctionalInterface
    public interface AsOfRecords<P, R extends Record> {
        List<R> of(P projection, @Nullable Long position, @Nullable Instant time);
    }

    private final P live;
    private final String processingGroup;
    private final Function<MongoDatabase, P> replica;
    private final AsOfRecords<P, R> records;
    private final Function<R, String> key;
    private final Function<R, String> documentId;
    private final String label;

    private DerivedRecordConsistency(P live, String processingGroup, Function<MongoDatabase, P> replica,
                                     AsOfRecords<P, R> records, Function<R, String> key, Function<R, String> documentId,
                                     String label) {
        this.live = live;
        this.processingGroup = processingGroup;
        this.replica = replica;
        this.records = records;
        this.key = key;
        this.documentId = documentId;
        this.label = label;
    }

    public static DerivedRecordConsistency<TimelineProjection, TimelineEntry> timeline(TimelineProjection live) {
        return new DerivedRecordConsistency<>(live, TimelineProjection.PROCESSING_GROUP, live::replica,
                TimelineProjection::entries, TimelineEntry::key, TimelineEntry::documentId, "entry");
    }

    public static DerivedRecordConsistency<EmailProjection, EmailRendering> emails(EmailProjection live) {
        return new DerivedRecordConsistency<>(live, EmailProjection.PROCESSING_GROUP, live::replica,
                EmailProjection::renderings, EmailRendering::key, EmailRendering::documentId, "rendering");
    }

    @Override
    public String projection() {
        return processingGroup;
    }

    @Override
    public P replica(MongoDatabase scratch) {
        return replica.apply(scratch);
    }

    @Override
    public Outcome compare(P replayed, ReplayBound bound) {
        Map<String, R> then = byKey(records.of(live, bound.position(), bound.time()));
        Map<String, R> fromReplay = byKey(records.of(replayed, null, null));
        List<ConsistencyReport.Difference> differences = new ArrayList<>();
        int compared = RecordDifferences.byKey(projection(), then, fromReplay, documentId,
                record -> label + " " + key.apply(record).substring(documentId.apply(record).length()), differences);
        return new Outcome(compared, differences);
    }

    private Map<String, R> byKey(List<R> list) {
        return list.stream().collect(Collectors.toMap(key, Function.identity()));
    }
}
