package org.palimpsest.annotations.annotation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Create an annotation. For a document target, send selectors already checked with {@code SelectorCheck} against
 * the text of the target's revision: the aggregate cannot read document text.
 */
public record CreateAnnotation(
        @TargetAggregateIdentifier String annotationId,
        String creator,
        List<Motivation> motivations,
        List<Body> bodies,
        Target target,
        @Nullable Generator generator) {
}
