package org.palimpsest.archive.projection.analysis;

/**
 * One analysis of a text: a pure function of the text and of this value's own components, so that two equal
 * analyses of texts with the same content hash give equal results. Implementations are records (their components
 * are the analysis' parameters, such as a language) or singletons; their equality is part of the cache key.
 *
 * @param <T> the result, immutable: it is handed to every projection that asks for the same analysis
 */
public interface TextAnalysis<T> {

    /** A short name for counts and logs ("structure", "timeline"). */
    String name();

    /**
     * Analyses {@code text}; an analysis built on another (the timeline's dated statements read the structure) takes
     * that one from {@code shared}, so it is computed once for both.
     */
    T analyse(String text, AnalysisCache shared);
}
