package org.palimpsest.api.annotation.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.web.BadRequestException;
import org.springframework.http.HttpStatus;

/**
 * An annotation's version is its entity tag, strong, {@code "3"}: the same version is the same bytes for a given
 * media type and base URL. Changes name the version they were made against in {@code If-Match}.
 */
final class EntityTags {

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version named by {@code If-Match}. A weak tag is read like the strong one: this server issues only strong
     * tags, so a weak one can only be a client's or a proxy's rewriting of ours.
     *
     * @throws BadRequestException 428 without the header (or with {@code *}, which names no version), 400 when it is
     *                             not one tag this server could have issued
     */
    static long expectedVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new BadRequestException(HttpStatus.PRECONDITION_REQUIRED, "If-Match",
                    "send If-Match with the ETag of the version you are changing, so concurrent edits are not lost");
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            throw new BadRequestException(HttpStatus.PRECONDITION_REQUIRED, "If-Match",
                    "If-Match: * names no version; send the ETag of the version you are changing");
        }
        Matcher matcher = TAG.matcher(value);
        if (!matcher.matches()) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "If-Match",
                    "If-Match must be one ETag of this annotation, such as \"3\"; got " + value);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Whether {@code If-None-Match} already names {@code version} (then the answer is 304). */
    static boolean matchesNone(@Nullable String ifNoneMatch, long version) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            Matcher matcher = TAG.matcher(tag.strip());
            if (tag.strip().equals("*") || matcher.matches() && Long.parseLong(matcher.group(1)) == version) {
                return true;
            }
        }
        return false;
    }
}
