package org.palimpsest.api.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The entity-tag preconditions of one request, {@code If-Match} (RFC 9110 §13.1.1) and {@code If-None-Match}
 * (§13.1.2), evaluated in the order of §13.2.2: If-Match first, compared strongly; then If-None-Match, compared weakly.
 * Every controller that takes preconditions evaluates them here, so the rule is written once.
 *
 * <p>A condition is a list of entity tags or {@code *}. A list member that is no entity tag (a version without its
 * quotes, say) matches nothing: a garbled {@code If-Match} therefore fails (412) rather than being ignored, and a
 * garbled {@code If-None-Match} holds. A blank field counts as absent.
 *
 * @param ifMatch     the parsed {@code If-Match}, or null when the request has none
 * @param ifNoneMatch the parsed {@code If-None-Match}, or null when the request has none
 */
public record Preconditions(@Nullable TagCondition ifMatch, @Nullable TagCondition ifNoneMatch) {

    public static final String IF_MATCH = "If-Match";
    public static final String IF_NONE_MATCH = "If-None-Match";

    public static Preconditions of(@Nullable String ifMatch, @Nullable String ifNoneMatch) {
        return new Preconditions(TagCondition.parse(ifMatch), TagCondition.parse(ifNoneMatch));
    }

    /**
     * For GET and HEAD of a representation tagged {@code current}: whether to answer 304 Not Modified (If-None-Match
     * names it, or is {@code *}).
     *
     * @throws PreconditionFailedException when If-Match does not name it (412)
     */
    public boolean notModified(EntityTag current) {
        requireMatch(current);
        return ifNoneMatch != null && ifNoneMatch.matchesWeakly(current);
    }

    /**
     * For a method that changes the resource, whose current representation is tagged {@code current} (null when it
     * has none): nothing to do when both conditions hold.
     *
     * @throws PreconditionFailedException when either is false (412); If-Match is judged first
     */
    public void requireForChange(@Nullable EntityTag current) {
        requireMatch(current);
        if (ifNoneMatch != null && ifNoneMatch.matchesWeakly(current)) {
            throw new PreconditionFailedException(IF_NONE_MATCH, current, ifNoneMatch.any()
                    ? "the resource exists, and If-None-Match: * asks that it not; nothing was changed"
                    : "If-None-Match names the current entity tag " + current + "; nothing was changed");
        }
    }

    /** {@code If-None-Match: *} without {@code If-Match}: create the resource, but only if there is none yet. */
    public boolean createOnly() {
        return ifMatch == null && ifNoneMatch != null && ifNoneMatch.any();
    }

    private void requireMatch(@Nullable EntityTag current) {
        if (ifMatch != null && !ifMatch.matchesStrongly(current)) {
            throw new PreconditionFailedException(IF_MATCH, current, current == null
                    ? "the resource has no current representation, so If-Match cannot match; nothing was changed"
                    : "If-Match does not name the current entity tag " + current
                            + " (tags compare strongly: a weak W/ tag never matches); nothing was changed");
        }
    }

    /**
     * The value of {@code If-Match} or {@code If-None-Match}: {@code *} ({@link #any}), or the entity tags listed.
     *
     * @param any  the field was {@code *}: any current representation matches
     * @param tags the well-formed entity tags listed, in order (members that were none are left out)
     */
    public record TagCondition(boolean any, List<EntityTag> tags) {

        public TagCondition {
            tags = List.copyOf(tags);
        }

        /** Null for an absent or blank field. */
        public static @Nullable TagCondition parse(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.strip().equals("*")) {
                return new TagCondition(true, List.of());
            }
            return new TagCondition(false, new TagList(value).read());
        }

        /** If-Match's comparison: {@code *} matches any current representation, a tag only the same strong one. */
        public boolean matchesStrongly(@Nullable EntityTag current) {
            return current != null && (any || tags.stream().anyMatch(current::strongMatch));
        }

        /** If-None-Match's comparison: {@code *} matches any current representation, a tag the same opaque string. */
        public boolean matchesWeakly(@Nullable EntityTag current) {
            return current != null && (any || tags.stream().anyMatch(current::weakMatch));
        }
    }

    /** Reads {@code #entity-tag} (§8.8.3 and §5.6.1): tags separated by commas, which may also appear inside quotes. */
    private static final class TagList {

        private final String value;
        private int at;

        TagList(String value) {
            this.value = value;
        }

        List<EntityTag> read() {
            List<EntityTag> tags = new ArrayList<>();
            while (at < value.length()) {
                skipWhitespace();
                if (at >= value.length()) {
                    break;
                }
                if (value.charAt(at) == ',') {
                    at++;
                    continue;
                }
                EntityTag tag = tag();
                skipWhitespace();
                boolean ended = at >= value.length() || value.charAt(at) == ',';
                if (tag != null && ended) {
                    tags.add(tag);
                } else {
                    skipMember();
                }
            }
            return tags;
        }

        private @Nullable EntityTag tag() {
            boolean weak = value.startsWith("W/", at);
            int open = weak ? at + 2 : at;
            if (open >= value.length() || value.charAt(open) != '"') {
                return null;
            }
            int close = open + 1;
            while (close < value.length() && isEtagChar(value.charAt(close))) {
                close++;
            }
            if (close >= value.length() || value.charAt(close) != '"') {
                return null;
            }
            at = close + 1;
            return new EntityTag(value.substring(open + 1, close), weak);
        }

        /** etagc = %x21 / %x23-7E / obs-text: visible characters but the quote, no spaces. */
        private static boolean isEtagChar(char c) {
            return c == 0x21 || c >= 0x23 && c <= 0x7E || c >= 0x80 && c <= 0xFF;
        }

        /** Past a malformed member, to the comma after it; a quote opens a span whose commas do not count. */
        private void skipMember() {
            boolean quoted = false;
            while (at < value.length() && (quoted || value.charAt(at) != ',')) {
                if (value.charAt(at) == '"') {
                    quoted = !quoted;
                }
                at++;
            }
        }

        private void skipWhitespace() {
            while (at < value.length() && (value.charAt(at) == ' ' || value.charAt(at) == '\t')) {
                at++;
            }
        }
    }
}
