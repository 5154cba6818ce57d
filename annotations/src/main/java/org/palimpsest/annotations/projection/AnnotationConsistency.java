package org.palimpsest.annotations.projection;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.archive.history.ConsistencyReport;
import org.palimpsest.archive.history.ProjectionComparison;
import org.palimpsest.archive.history.ReplayBound;

/**
 * Checks that each annotation's as-of answer (its version current then) is what a replay of the events up to
 * that point produces, using the same projection code on the scratch database of a consistency check.
 */
public final class AnnotationConsistency implements ProjectionComparison<AnnotationProjection> {

    private final AnnotationProjection live;

    public AnnotationConsistency(AnnotationProjection live) {
        this.live = live;
    }

    @Override
    public String projection() {
        return AnnotationProjection.PROCESSING_GROUP;
    }

    @Override
    public AnnotationProjection replica(MongoDatabase scratch) {
        return new AnnotationProjection(scratch);
    }

    @Override
    public Outcome compare(AnnotationProjection replayed, ReplayBound bound) {
        AnnotationQueries fromReplay = new AnnotationQueries(replayed);
        AnnotationQueries fromLive = new AnnotationQueries(live);
        TreeSet<String> ids = new TreeSet<>(fromReplay.currentIds());
        ids.addAll(fromLive.currentIds());
        List<ConsistencyReport.Difference> differences = new ArrayList<>();
        for (String id : ids) {
            Optional<AnnotationState> replayedState = fromReplay.handle(new FindAnnotation(id)).map(AnnotationView::state);
            Optional<AnnotationState> fromVersions = fromLive.handle(new FindAnnotationVersionAsOf(id, bound.position(), bound.time()))
                    .map(AnnotationVersion::state);
            if (!Objects.equals(replayedState, fromVersions)) {
                differences.add(new ConsistencyReport.Difference(projection(), "annotation " + id, "state",
                        fromVersions.map(Object::toString).orElse(null), replayedState.map(Object::toString).orElse(null)));
            }
        }
        return new Outcome(ids.size(), differences);
    }
}
