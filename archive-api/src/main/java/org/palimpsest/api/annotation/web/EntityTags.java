package org.palimpsest.api.annotation.web;

import java.util.List;
import java.util.regex.Pattern;
import org.palimpsest.api.web.BadRequestException;
import org.palimpsest.api.web.EntityTag;
import org.palimpsest.api.web.PreconditionFailedException;
import org.palimpsest.api.web.Preconditions;
import org.springframework.http.HttpStatus;

/**
 * An annotation's version is its entity tag, strong, {@code "3"}: the same version is the same bytes for a given
 * media type and base URL. Changes name the version they were made against in {@code If-Match}; the preconditions
 * themselves are judged by {@link Preconditions}.
 */
final class EntityTags {

    private static final Pattern VERSION = Pattern.compile("\\d{1,18}");

    private EntityTags() {
    }

    static String of(long version) {
        return tag(version).toString();
    }

    static EntityTag tag(long version) {
        return EntityTag.strong(Long.toString(version));
    }

    /**
     * The version a change is sent with, for an annotation the read model holds at {@code current}. If-Match must be
     * there (428 otherwise: concurrent edits would be lost) and is judged as RFC 9110 says: {@code *} means the current
     * version; a list matches when it names the current version strongly. A strong version tag that the read model
     * has not reached yet is sent as it is: the aggregate, which holds the newest version, accepts it only if it is
     * current there and refuses anything else as stale (412), atomically with the change. A list that names no
     * version at all fails here (412), as does an If-None-Match that names the current version (or is {@code *}).
     * <p>{@code *} is resolved against the read model: should it lag behind a change made meanwhile, the aggregate
     * refuses the older version as stale, as it would a tag.
     */
    static long expectedVersion(Preconditions conditions, long current) {
        Preconditions.TagCondition ifMatch = conditions.ifMatch();
        if (ifMatch == null) {
            throw new BadRequestException(HttpStatus.PRECONDITION_REQUIRED, Preconditions.IF_MATCH,
                    "send If-Match with the ETag of the version you are changing, so concurrent edits are not lost");
        }
        long expected = ifMatch.any() || ifMatch.matchesStrongly(tag(current)) ? current
                : versions(ifMatch).stream().max(Long::compare).orElseThrow(() -> new PreconditionFailedException(
                        Preconditions.IF_MATCH, tag(current), "If-Match names no version of this annotation: its "
                        + "entity tags are strong version numbers, and the current one is " + tag(current)
                        + "; nothing was changed"));
        if (expected == current) {
            conditions.requireForChange(tag(current));
        }
        return expected;
    }

    /** The versions an If-Match list can mean: its strong tags that are numbers. */
    private static List<Long> versions(Preconditions.TagCondition ifMatch) {
        return ifMatch.tags().stream().filter(tag -> !tag.weak() && VERSION.matcher(tag.opaque()).matches())
                .map(tag -> Long.parseLong(tag.opaque())).toList();
    }
}
