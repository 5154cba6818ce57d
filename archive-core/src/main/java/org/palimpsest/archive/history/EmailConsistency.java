package org.palimpsest.archive.history;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.palimpsest.archive.projection.email.EmailProjection;
import org.palimpsest.archive.projection.email.EmailRendering;

/**
 * Checks that the email renderings an as-of read is built from are what a replay of the events extracts,
 * rendering by rendering and field by field. Messages are formed from renderings at query time.
 */
public final class EmailConsistency implements ProjectionComparison<EmailProjection> {

    private final EmailProjection live;

    public EmailConsistency(EmailProjection live) {
        this.live = live;
    }

    @Override
    public String projection() {
        return EmailProjection.PROCESSING_GROUP;
    }

    @Override
    public EmailProjection replica(MongoDatabase scratch) {
        return live.replica(scratch);
    }

    @Override
    public Outcome compare(EmailProjection replayed, ReplayBound bound) {
        Map<String, EmailRendering> then = byKey(live.renderings(bound.position(), bound.time()));
        Map<String, EmailRendering> fromReplay = byKey(replayed.renderings(null, null));
        List<ConsistencyReport.Difference> differences = new ArrayList<>();
        int records = RecordDifferences.byKey(projection(), then, fromReplay, EmailRendering::documentId,
                rendering -> "rendering " + rendering.key().substring(rendering.documentId().length()), differences);
        return new Outcome(records, differences);
    }

    private static Map<String, EmailRendering> byKey(List<EmailRendering> renderings) {
        return renderings.stream().collect(Collectors.toMap(EmailRendering::key, Function.identity()));
    }
}
