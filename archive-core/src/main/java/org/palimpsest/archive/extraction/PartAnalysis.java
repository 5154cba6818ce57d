package org.palimpsest.archive.extraction;

/**
 * An analysis of one part of a text (a block, a segment's content, a section between headings) whose result does not
 * depend on the rest of the text: a pure function of the part and of this value's own components. Implementations are
 * records (their components are the parameters, such as a language) or singletons, so that two equal analyses of equal
 * parts give equal results and {@link Parts} may hand out one for the other.
 *
 * @param <T> the result, immutable: it may be handed to every analysis of a text that holds the same part
 */
public interface PartAnalysis<T> {

    /** A short name for counts and logs ("structure block", "dating segment"). */
    String name();

    T analyse(String part);
}
