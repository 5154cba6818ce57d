package org.palimpsest.archive.fix;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Span;

/**
 * A fix proposal that cannot be anchored or makes no sense: quote missing or ambiguous, no change, unknown
 * revision. {@code index} is its place in a batch; {@code candidates} lists the places an ambiguous quote
 * occurs, so the client can add a position or context.
 */
public class FixRefusedException extends RuntimeException {

    private final int index;
    private final String field;
    private final List<Span> candidates;

    public FixRefusedException(int index, String field, String message, @Nullable List<Span> candidates) {
        super(message);
        this.index = index;
        this.field = field;
        this.candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public int index() {
        return index;
    }

    public String field() {
        return field;
    }

    public List<Span> candidates() {
        return candidates;
    }
}
