package org.palimpsest.api.annotation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.anchoring.Anchoring;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Motivation;
import org.palimpsest.annotations.projection.AnchoredAnnotation;
import org.palimpsest.annotations.webannotation.WebAnnotationIris;
import org.palimpsest.archive.extraction.Span;

/**
 * A live annotation as a reading view shows it beside the current text.
 *
 * @param status       {@code exact} (carried by the exact edits since it was made), {@code fuzzy} (found again by its
 *                     quote and context; see {@code score}) or {@code orphaned} (nowhere with enough confidence)
 * @param score        1 for exact, the fuzzy score (0..1), 0 for orphaned
 * @param span         where it lies in the current text, in code points; null when orphaned
 * @param quote        the text it was made on
 * @param currentQuote the current text at {@code span} (differs from {@code quote} when fuzzy)
 * @param lastKnown    for an orphan, its place in the revision it was made on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentAnnotation(
        String id,
        String iri,
        long version,
        List<String> motivation,
        List<AnnotationBody> bodies,
        String creator,
        Instant created,
        @Nullable Instant modified,
        String status,
        double score,
        @Nullable Span span,
        String quote,
        @Nullable String currentQuote,
        @Nullable LastKnown lastKnown,
        List<AnnotationReply> replies) {

    static DocumentAnnotation of(AnchoredAnnotation anchored, WebAnnotationIris iris) {
        AnnotationState state = anchored.annotation().state();
        DocumentTarget target = (DocumentTarget) state.target();
        Anchoring anchoring = anchored.anchoring();
        boolean orphaned = !anchoring.anchored();
        return new DocumentAnnotation(state.annotationId(), iris.annotation(state.annotationId()), state.version(),
                state.motivations().stream().map(Motivation::w3cName).toList(),
                state.bodies().stream().map(AnnotationBody::of).toList(), state.creator(), state.created(),
                state.modified(), status(anchoring), anchoring.score(), orphaned ? null : anchoring.span(),
                target.quote().exact(), anchoring.currentQuote(),
                orphaned && anchoring.span() != null ? new LastKnown(anchoring.span(), target.revision()) : null,
                anchored.replies().stream().map(reply -> AnnotationReply.of(reply, iris)).toList());
    }

    static String status(Anchoring anchoring) {
        return anchoring.status().name().toLowerCase(Locale.ROOT);
    }
}
