package org.palimpsest.api.web;

import java.util.IllformedLocaleException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A language filter as a well-formed BCP 47 tag, in its canonical case ({@code ko}, {@code en-US}). Parsed strictly:
 * {@link Locale#forLanguageTag} reads anything, {@code $gt} included, as the undetermined language, so a mistyped
 * filter matched documents of no language instead of being refused.
 */
public final class LanguageTags {

    private LanguageTags() {
    }

    /** The canonical tag, or null for an absent or blank filter; 400 naming {@code parameter} for anything else. */
    public static @Nullable String filter(@Nullable String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String tag = new Locale.Builder().setLanguageTag(value.strip()).build().toLanguageTag();
            if (!tag.isEmpty()) {
                return tag;
            }
        } catch (IllformedLocaleException e) {
            // answered below
        }
        throw new BadRequestException(HttpStatus.BAD_REQUEST, parameter,
                parameter + " must be a BCP 47 language tag, e.g. ko, ja or en-US");
    }
}
