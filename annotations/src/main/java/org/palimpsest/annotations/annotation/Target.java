package org.palimpsest.annotations.annotation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What an annotation is about: a quoted stretch of one revision of a document, or (for a reply) another annotation.
 * Stored with a {@code kind} discriminator so events can hold either.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DocumentTarget.class, name = "document"),
        @JsonSubTypes.Type(value = AnnotationReplyTarget.class, name = "reply")})
public sealed interface Target permits DocumentTarget, AnnotationReplyTarget {
}
