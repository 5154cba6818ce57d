package org.palimpsest.api.web;

import java.util.List;
import org.palimpsest.annotations.projection.AnnotationProjection;
import org.palimpsest.archive.projection.email.EmailProjection;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.palimpsest.archive.projection.timeline.TimelineProjection;

/** The projections a kind of write changes: what its answer waits for before it reads (see {@link ReadYourWrites}). */
public enum AffectedViews {

    /**
     * A document's text is new or changed (import, re-import, accepted or reverted fix): its reading view, the copy of
     * the text the annotations are anchored to, and the timeline and emails derived from the text.
     */
    TEXT(ReadingViewProjection.PROCESSING_GROUP, AnnotationProjection.PROCESSING_GROUP,
            TimelineProjection.PROCESSING_GROUP, EmailProjection.PROCESSING_GROUP),

    /** A fix was proposed or rejected: only the reading view lists fixes; the text is as it was. */
    FIXES(ReadingViewProjection.PROCESSING_GROUP),

    /** An annotation was created or changed: the annotation projection alone. */
    ANNOTATION(AnnotationProjection.PROCESSING_GROUP);

    private final List<String> processingGroups;

    AffectedViews(String... processingGroups) {
        this.processingGroups = List.of(processingGroups);
    }

    public List<String> processingGroups() {
        return processingGroups;
    }
}
