package org.palimpsest.archive.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.palimpsest.archive.document.ContentHash;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.DocumentText;
import org.palimpsest.archive.extraction.FrontMatter;
import org.palimpsest.archive.extraction.FrontMatterException;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.ScriptLanguage;
import org.palimpsest.archive.extraction.email.ExtractedEmail;
import org.palimpsest.archive.extraction.email.EmailExtractor;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.extraction.redaction.RedactionFinder;
import org.palimpsest.archive.extraction.structure.DocumentStructure;
import org.palimpsest.archive.extraction.structure.StructureAnalyzer;
import org.palimpsest.archive.projection.analysis.AnalysisCache;
import org.palimpsest.archive.projection.analysis.TextAnalyses;
import org.palimpsest.archive.projection.timeline.TimelineAnalysis;

/** Every analyser the import and the text projections run, each as one {@link Analyser}. */
final class Analysers {

    static final NameCatalog NAMES = NameCatalog.parse(bundledCatalog());

    private Analysers() {
    }

    static List<Analyser> all() {
        return List.of(
                new Analyser("import: normalize", text -> DocumentText.normalize(text).length()),
                new Analyser("import: front matter", text -> frontMatter("---\n" + text)),
                new Analyser("import: title", text -> DocumentImporter.guessTitle(text).length()),
                new Analyser("import: language", text -> ScriptLanguage.detect(text).orElse("").length()),
                new Analyser("import: content hash", text -> ContentHash.of(text).length()),
                new Analyser("indexed text", text -> new IndexedText(text).length()),
                new Analyser("structure", text -> size(StructureAnalyzer.analyze(text))),
                new Analyser("redactions", text -> RedactionFinder.find(new IndexedText(text)).size()),
                new Analyser("names", text -> NAMES.find(new IndexedText(text)).size()),
                new Analyser("timeline", Analysers::timeline),
                new Analyser("emails", text -> emails(EmailExtractor.extract(text))),
                // As the projections run them: through a cache, part by part (a fresh cache, so nothing is found in it).
                new Analyser("structure by block groups", text -> size(AnalysisCache.standard().get(TextAnalyses.STRUCTURE, text))),
                new Analyser("timeline by units", text -> timeline(AnalysisCache.standard()
                        .get(new TimelineAnalysis.Of("en", "2020-01-01", NAMES), text))),
                new Analyser("emails by sections", text -> emails(AnalysisCache.standard().get(TextAnalyses.EMAILS, text))));
    }

    private static long frontMatter(String text) {
        try {
            return FrontMatter.parse(text).map(fm -> fm.fields().size()).orElse(0);
        } catch (FrontMatterException e) {
            return e.getMessage().length();
        }
    }

    private static long size(DocumentStructure structure) {
        return structure.segments().size() + structure.links().size() + structure.footnoteRefs().size();
    }

    private static long timeline(String text) {
        return timeline(TimelineAnalysis.analyse(text, "en", "2020-01-01", NAMES));
    }

    private static long timeline(List<TimelineAnalysis.Found> timeline) {
        long size = 0;
        for (TimelineAnalysis.Found found : timeline) {
            size += 1 + found.statement().text().length() + found.names().size();
        }
        return size;
    }

    private static long emails(List<ExtractedEmail> emails) {
        long size = 0;
        for (ExtractedEmail e : emails) {
            size += 1 + e.body().length() + e.to().size() + e.cc().size() + e.redactions().size()
                    + (e.subject() == null ? 0 : e.subject().length());
        }
        return size;
    }

    private static String bundledCatalog() {
        try (InputStream in = NameCatalog.class.getResourceAsStream(NameCatalog.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
