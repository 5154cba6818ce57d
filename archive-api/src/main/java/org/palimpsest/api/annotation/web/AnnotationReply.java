package org.palimpsest.api.annotation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.annotations.annotation.Motivation;
import org.palimpsest.annotations.projection.AnnotationThread;
import org.palimpsest.annotations.webannotation.WebAnnotationIris;

/** A reply in an annotation's thread, with the replies to it, oldest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnnotationReply(
        String id,
        String iri,
        long version,
        List<String> motivation,
        List<AnnotationBody> bodies,
        String creator,
        Instant created,
        @Nullable Instant modified,
        List<AnnotationReply> replies) {

    static AnnotationReply of(AnnotationThread thread, WebAnnotationIris iris) {
        AnnotationState state = thread.annotation().state();
        return new AnnotationReply(state.annotationId(), iris.annotation(state.annotationId()), state.version(),
                state.motivations().stream().map(Motivation::w3cName).toList(),
                state.bodies().stream().map(AnnotationBody::of).toList(), state.creator(), state.created(),
                state.modified(), thread.replies().stream().map(reply -> of(reply, iris)).toList());
    }
}
