package org.palimpsest.annotations.projection;

import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.anchoring.TextPositionSelector;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;
import org.palimpsest.annotations.annotation.AnnotationReplyTarget;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Target;

/**
 * A {@link Target} as stored: the driver's record codec cannot write a sealed interface, so the two kinds share one
 * record with a {@code kind} discriminator ({@code document} or {@code reply}, the names the events use too).
 */
public record StoredTarget(
        String kind,
        @Nullable String documentId,
        @Nullable Long revision,
        @Nullable TextQuoteSelector quote,
        @Nullable TextPositionSelector position,
        @Nullable String annotationId) {

    static final String DOCUMENT = "document";
    static final String REPLY = "reply";

    static StoredTarget of(Target target) {
        if (target instanceof DocumentTarget document) {
            return new StoredTarget(DOCUMENT, document.documentId(), document.revision(), document.quote(),
                    document.position(), null);
        }
        AnnotationReplyTarget reply = (AnnotationReplyTarget) target;
        return new StoredTarget(REPLY, null, null, null, null, reply.annotationId());
    }

    Target toTarget() {
        if (REPLY.equals(kind)) {
            return new AnnotationReplyTarget(required(annotationId, "annotationId"));
        }
        return new DocumentTarget(required(documentId, "documentId"), required(revision, "revision"),
                required(quote, "quote"), position);
    }

    private <T> T required(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalStateException("stored " + kind + " target lacks " + name + "; rebuild the projection");
        }
        return value;
    }
}
