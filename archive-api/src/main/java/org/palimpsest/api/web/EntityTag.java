package org.palimpsest.api.web;

/**
 * An entity tag (RFC 9110 §8.8.3): an opaque string, strong ({@code "3"}) or weak ({@code W/"3"}).
 *
 * @param opaque the characters between the quotes
 * @param weak   whether it was written with {@code W/}: the same tag then promises only an equivalent
 *               representation, not the same bytes
 */
public record EntityTag(String opaque, boolean weak) {

    public static EntityTag strong(String opaque) {
        return new EntityTag(opaque, false);
    }

    /** RFC 9110 §8.8.3.2: both strong and the same characters. {@code If-Match} compares this way. */
    public boolean strongMatch(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** RFC 9110 §8.8.3.2: the same characters, whether weak or not. {@code If-None-Match} compares this way. */
    public boolean weakMatch(EntityTag other) {
        return opaque.equals(other.opaque);
    }

    /** As an {@code ETag} header writes it. */
    @Override
    public String toString() {
        return (weak ? "W/" : "") + '"' + opaque + '"';
    }
}
