package org.palimpsest.archive.projection.analysis;

import java.util.List;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.email.EmailExtractor;
import org.palimpsest.archive.extraction.email.ExtractedEmail;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.extraction.redaction.RedactionFinder;
import org.palimpsest.archive.extraction.structure.DocumentStructure;
import org.palimpsest.archive.extraction.structure.StructureAnalyzer;

/** The analyses that take nothing but the text, shared by the reading views, the timeline and the emails. */
public final class TextAnalyses {

    /**
     * Segments, links and footnote references: read by the reading view and by the timeline's statements. Read group
     * of blocks by group, so that a text changed in one paragraph is parsed again in that paragraph only.
     */
    public static final TextAnalysis<DocumentStructure> STRUCTURE = new Named<>("structure") {
        @Override
        public DocumentStructure analyse(String text, AnalysisCache shared) {
            return StructureAnalyzer.analyze(text, shared);
        }
    };

    /** Redacted spans: shown by the reading view and attached by the email extractor to each message. */
    public static final TextAnalysis<List<Redaction>> REDACTIONS = new Named<>("redactions") {
        @Override
        public List<Redaction> analyse(String text, AnalysisCache shared) {
            return List.copyOf(RedactionFinder.find(new IndexedText(text)));
        }
    };

    /** The quoted messages, each with the redactions inside it; read section by section between headings. */
    public static final TextAnalysis<List<ExtractedEmail>> EMAILS = new Named<>("emails") {
        @Override
        public List<ExtractedEmail> analyse(String text, AnalysisCache shared) {
            return List.copyOf(EmailExtractor.extract(text, () -> shared.get(REDACTIONS, text), shared));
        }
    };

    private TextAnalyses() {
    }

    /** A singleton analysis: equal only to itself, which is what a key needs for an analysis without parameters. */
    private abstract static class Named<T> implements TextAnalysis<T> {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
