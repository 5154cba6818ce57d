package org.palimpsest.archive.projection.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Parts;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.dating.DatedStatement;
import org.palimpsest.archive.extraction.dating.DatedStatementExtractor;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.extraction.names.NameMention;
import org.palimpsest.archive.extraction.structure.StructureAnalyzer;
import org.palimpsest.archive.projection.analysis.AnalysisCache;
import org.palimpsest.archive.projection.analysis.TextAnalyses;
import org.palimpsest.archive.projection.analysis.TextAnalysis;

/** What the timeline reads from one document's text: its dated statements, each with the names it mentions. */
public final class TimelineAnalysis {

    /** A dated statement and the ids of the catalog entries named inside it, each once, in order of first mention. */
    public record Found(DatedStatement statement, List<String> names) {
    }

    private TimelineAnalysis() {
    }

    /**
     * The timeline's analysis of a text in {@code language} published on {@code publishedAt}, naming entries of
     * {@code names}, as a key of the shared {@link AnalysisCache}: it takes the text's structure from that cache.
     */
    public record Of(String language, @Nullable String publishedAt, NameCatalog names) implements TextAnalysis<List<Found>> {

        @Override
        public String name() {
            return TimelineProjection.PROCESSING_GROUP;
        }

        /** Each unit's statements are taken from {@code shared} too: a text changed in one unit reads that unit again. */
        @Override
        public List<Found> analyse(String text, AnalysisCache shared) {
            return TimelineAnalysis.analyse(text, shared.get(TextAnalyses.STRUCTURE, text).segments(), language,
                    publishedAt, names, shared);
        }
    }

    public static List<Found> analyse(String text, String language, @Nullable String publishedAt, NameCatalog names) {
        return analyse(text, StructureAnalyzer.analyze(text).segments(), language, publishedAt, names, Parts.NONE);
    }

    /**
     * @param segments the text's segments, as {@link StructureAnalyzer} finds them
     * @param parts    where the statements of each unit of running text are remembered
     */
    static List<Found> analyse(String text, List<Segment> segments, String language, @Nullable String publishedAt,
                               NameCatalog names, Parts parts) {
        IndexedText indexed = new IndexedText(text);
        List<NameMention> mentions = names.find(indexed);
        List<DatedStatement> statements = DatedStatementExtractor.extract(indexed, segments, language,
                publicationDay(publishedAt), parts);
        List<Found> found = new ArrayList<>(statements.size());
        for (DatedStatement statement : statements) {
            found.add(new Found(statement, namedIn(statement, mentions)));
        }
        return List.copyOf(found);
    }

    /**
     * The entries named inside {@code statement}. Mentions are in reading order and never overlap, so the first that
     * may lie inside is found by binary search and the walk stops at the statement's end: the cost follows the
     * mentions inside, not every mention of the document for every statement.
     */
    private static List<String> namedIn(DatedStatement statement, List<NameMention> mentions) {
        int lo = 0;
        int hi = mentions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).span().start() < statement.span().start()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<String> named = new ArrayList<>();
        for (int k = lo; k < mentions.size() && mentions.get(k).span().start() < statement.span().end(); k++) {
            NameMention mention = mentions.get(k);
            if (statement.span().contains(mention.span()) && !named.contains(mention.entryId())) {
                named.add(mention.entryId());
            }
        }
        return List.copyOf(named);
    }

    /** The day relative dates count from: the publication date when it names a day. */
    static @Nullable LocalDate publicationDay(@Nullable String publishedAt) {
        if (publishedAt == null || publishedAt.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(publishedAt.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
