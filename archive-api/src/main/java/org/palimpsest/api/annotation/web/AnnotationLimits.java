package org.palimpsest.api.annotation.web;

import org.palimpsest.archive.input.InputLimits;

/**
 * The field limits of an annotation as the API description states them. An annotation is an open W3C JSON-LD
 * document, taken as such rather than as a closed schema, so its limits are published in words on the operations
 * that take one; the numbers are those the write side enforces ({@link InputLimits}).
 */
final class AnnotationLimits {

    static final String DESCRIPTION = "A W3C Web Annotation (JSON-LD). Limits, in characters (code points), answered "
            + "with 422 naming the field: the bodies' values together at most " + InputLimits.ANNOTATION_BODIES
            + ", each tag at most " + InputLimits.TAG + ", target.selector.exact at most " + InputLimits.QUOTE
            + ", its prefix and suffix at most " + InputLimits.QUOTE_CONTEXT + " each. The whole request is limited by "
            + "palimpsest.limits.request-body (413).";

    private AnnotationLimits() {
    }
}
