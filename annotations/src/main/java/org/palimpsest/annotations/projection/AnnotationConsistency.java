package org.palimpsest.annotations.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.archive.history.ConsistencyReport;
import org.palimpsest.archive.history.ReplayBound;
import org.palimpsest.archive.history.ScratchReplay;

/**
 * Checks that each annotation's as-of answer (its version current then) is what a replay of the events up to
 * that point produces, using the same projection code on a scratch database that is dropped afterwards.
 */
public final class AnnotationConsistency {

    private final ScratchReplay scratch;
    private final AnnotationProjection live;

    public AnnotationConsistency(ScratchReplay scratch, AnnotationProjection live) {
        this.scratch = scratch;
        this.live = live;
    }

    /** The annotations checked and every difference found, as lines of a consistency report. */
    public Result check(ReplayBound bound) {
        return scratch.check(bound, database -> new AnnotationProjection(database), (replayed, position) -> {
            TreeSet<String> ids = new TreeSet<>(replayed.currentIds());
            ids.addAll(live.currentIds());
            List<ConsistencyReport.Difference> differences = new ArrayList<>();
            for (String id : ids) {
                Optional<AnnotationState> fromReplay = replayed.handle(new FindAnnotation(id)).map(AnnotationView::state);
                Optional<AnnotationState> fromVersions = live.handle(new FindAnnotationVersionAsOf(id, bound.position(), bound.time()))
                        .map(AnnotationVersion::state);
                if (!Objects.equals(fromReplay, fromVersions)) {
                    differences.add(new ConsistencyReport.Difference("annotation " + id, "state",
                            fromVersions.map(Object::toString).orElse(null), fromReplay.map(Object::toString).orElse(null)));
                }
            }
            return new Result(ids.size(), differences);
        });
    }

    /** How many annotations were compared, and where they differ. */
    public record Result(int annotations, List<ConsistencyReport.Difference> differences) {
    }
}
