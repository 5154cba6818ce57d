package org.palimpsest.annotations.annotation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A W3C {@code TextualBody}: what the annotation says. Tags are bodies with purpose {@code tagging}.
 *
 * @param format   a media type such as {@code text/plain} or {@code text/markdown}
 * @param language a BCP 47 tag
 * @param purpose  the W3C name of a {@link Motivation} this body serves, e.g. {@code tagging}
 */
public record Body(String value, @Nullable String format, @Nullable String language, @Nullable String purpose) {

    public static final String TAGGING = "tagging";

    public Body {
        Objects.requireNonNull(value, "value");
    }

    public static Body text(String value) {
        return new Body(value, "text/plain", null, null);
    }

    public static Body tag(String tag) {
        return new Body(tag, null, null, TAGGING);
    }
}
