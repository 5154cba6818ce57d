package org.palimpsest.annotations.projection;

/**
 * A document's text as the caller shows it, and its revision: what annotations are anchored to.
 *
 * @param revision the revision {@code text} is; {@link #LATEST_KNOWN} for the latest this projection has seen
 */
public record CurrentText(String text, long revision) {

    public static final long LATEST_KNOWN = -1;

    public static CurrentText latest(String text) {
        return new CurrentText(text, LATEST_KNOWN);
    }
}
