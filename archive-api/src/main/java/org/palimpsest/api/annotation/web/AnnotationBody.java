package org.palimpsest.api.annotation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.annotation.Body;

/** What an annotation says: a W3C TextualBody's value, media type, language and purpose ({@code tagging} for tags). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnnotationBody(String value, @Nullable String format, @Nullable String language, @Nullable String purpose) {

    static AnnotationBody of(Body body) {
        return new AnnotationBody(body.value(), body.format(), body.language(), body.purpose());
    }
}
