package org.palimpsest.api.annotation.web;

import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.palimpsest.annotations.annotation.AnnotationDeletedException;
import org.palimpsest.annotations.projection.AnchoredAnnotations;
import org.palimpsest.annotations.projection.AnchoredDocument;
import org.palimpsest.annotations.projection.AnnotationListing;
import org.palimpsest.annotations.projection.AnnotationProjection;
import org.palimpsest.annotations.projection.AnnotationVersion;
import org.palimpsest.annotations.projection.AnnotationView;
import org.palimpsest.annotations.projection.FindAnnotation;
import org.palimpsest.annotations.projection.FindAnnotationVersion;
import org.palimpsest.annotations.projection.FindAnnotationVersionAsOf;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.annotations.projection.ListAnnotationVersions;
import org.palimpsest.annotations.projection.ListAnnotations;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.api.web.AffectedViews;
import org.palimpsest.api.web.ReadYourWrites;
import org.springframework.stereotype.Component;

/**
 * The annotation read model as the controllers use it: queries, who may see what, and waiting for the projection
 * after a command.
 */
@Component
class AnnotationReads {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    AnnotationReads(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /**
     * Waits until the annotation projection has every event of {@code aggregateId} written so far: an annotation just
     * changed, or a document whose text it keeps a copy of; false when the read timeout passed first.
     */
    boolean caughtUpWith(String aggregateId) {
        return readYourWrites.awaitAggregate(aggregateId, AffectedViews.ANNOTATION);
    }

    /**
     * Waits until the annotation projection has the annotation at {@code version}, the one a command just answered
     * with: version n is the annotation's n-th event, so its position is found with one lookup.
     */
    boolean caughtUpWithVersion(String annotationId, long version) {
        return readYourWrites.awaitEvent(annotationId, version - 1, AffectedViews.ANNOTATION);
    }

    Optional<AnnotationView> find(String annotationId) {
        return queries.query(new FindAnnotation(annotationId), ResponseTypes.optionalInstanceOf(AnnotationView.class))
                .join();
    }

    /**
     * The annotation a change is aimed at: 404 when there is none, or it is hidden and the caller is neither its
     * creator nor a moderator (a hidden annotation is not announced). Deleted ones are returned: the aggregate says
     * what may happen to a tombstone.
     */
    AnnotationView target(String annotationId, Caller caller) {
        AnnotationView view = find(annotationId).orElseThrow(() -> notFound(annotationId));
        if (view.state().hidden() && !caller.moderator() && !caller.created(view.state().creator())) {
            throw notFound(annotationId);
        }
        return view;
    }

    /** The annotation to show now: as {@link #target}, and 410 Gone when it is deleted. */
    AnnotationView current(String annotationId, Caller caller) {
        AnnotationView view = target(annotationId, caller);
        if (view.state().deleted()) {
            throw new AnnotationDeletedException(annotationId, view.state().version());
        }
        return view;
    }

    /**
     * The annotation whose history is asked for. The history of a hidden or deleted annotation is for its creator,
     * moderators and auditors; others get 404 for a hidden one and 410 for a deleted one, as for the annotation.
     */
    AnnotationView history(String annotationId, Caller caller) {
        AnnotationView view = find(annotationId).orElseThrow(() -> notFound(annotationId));
        boolean privileged = caller.moderator() || caller.auditor() || caller.created(view.state().creator());
        if (view.state().hidden() && !privileged) {
            throw notFound(annotationId);
        }
        if (view.state().deleted() && !privileged) {
            throw new AnnotationDeletedException(annotationId, view.state().version());
        }
        return view;
    }

    Optional<AnnotationVersion> versionAsOf(String annotationId, AsOf when) {
        return queries.query(new FindAnnotationVersionAsOf(annotationId, when.position(), when.time()),
                ResponseTypes.optionalInstanceOf(AnnotationVersion.class)).join();
    }

    Optional<AnnotationVersion> version(String annotationId, long version) {
        return queries.query(new FindAnnotationVersion(annotationId, version),
                ResponseTypes.optionalInstanceOf(AnnotationVersion.class)).join();
    }

    List<AnnotationVersion> versions(String annotationId) {
        return queries.query(new ListAnnotationVersions(annotationId),
                ResponseTypes.multipleInstancesOf(AnnotationVersion.class)).join();
    }

    AnnotationListing list(ListAnnotations query) {
        return queries.query(query, AnnotationListing.class).join();
    }

    AnchoredDocument anchored(AnchoredAnnotations query) {
        return queries.query(query, AnchoredDocument.class).join();
    }

    static NotFoundException notFound(String annotationId) {
        return new NotFoundException("no annotation with id " + annotationId);
    }
}
