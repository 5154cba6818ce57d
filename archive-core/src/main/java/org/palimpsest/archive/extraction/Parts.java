package org.palimpsest.archive.extraction;

/**
 * Where the analyses of a text's parts are looked up, so that a text that changed in one part (an accepted fix
 * replaces one sentence) is analysed again in that part only, and whatever the analysis joins from its parts comes
 * out exactly as from the whole text. The analysers cut the text and join the results; an implementation only decides
 * what it remembers ({@code AnalysisCache} in the projections remembers recent parts).
 */
public interface Parts {

    /** Remembers nothing: every part is analysed when it is asked for. */
    Parts NONE = new Parts() {
        @Override
        public <T> T of(PartAnalysis<T> analysis, String part) {
            return analysis.analyse(part);
        }
    };

    /** {@code analysis} of {@code part}: what an equal analysis found in an equal part before, or found now. */
    <T> T of(PartAnalysis<T> analysis, String part);
}
