package org.palimpsest.api.config;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.extraction.names.NameCatalogException;
import org.palimpsest.archive.extraction.names.NameEntry;
import org.palimpsest.archive.projection.ProjectionGenerations;
import org.palimpsest.archive.projection.analysis.AnalysisCache;
import org.palimpsest.archive.projection.email.EmailProjection;
import org.palimpsest.archive.projection.email.EmailQueries;
import org.palimpsest.archive.projection.timeline.TimelineProjection;
import org.palimpsest.archive.projection.timeline.TimelineQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The extraction projections (timeline, emails) and what they share with each other and the reading views: the
 * analysis budget and cache, and the name catalog, the bundled one merged with an editors' file when
 * {@code palimpsest.names-file} names one.
 */
@Configuration(proxyBeanMethods = false)
class ExtractionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExtractionConfiguration.class);

    @Bean
    NameCatalog nameCatalog(@Value("${palimpsest.names-file:}") String extensionFile) {
        NameCatalog catalog = NameCatalog.parse(bundled());
        if (extensionFile.isBlank()) {
            return catalog;
        }
        Path file = Path.of(extensionFile);
        try {
            NameCatalog merged = catalog.merge(NameCatalog.parse(Files.readString(file, StandardCharsets.UTF_8)));
            log.info("name catalog: bundled aliases merged with {}", file.toAbsolutePath());
            return merged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read palimpsest.names-file " + file.toAbsolutePath(), e);
        } catch (NameCatalogException e) {
            throw new IllegalStateException("palimpsest.names-file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * How long the analysis of one document's text may take in a projection before it gives up on that document
     * with an {@code AnalysisBudgetExceededException} ({@link AnalysisBudget#DEFAULT} says why 30 s).
     */
    @Bean
    AnalysisBudget analysisBudget(@Value("${palimpsest.projection.analysis-budget:30s}") Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalStateException("palimpsest.projection.analysis-budget must be a positive duration such as 30s, not " + limit);
        }
        return AnalysisBudget.of(limit);
    }

    /**
     * The analyses of each text, computed once per content hash and shared by the reading views, the timeline and the
     * emails, live and while rebuilding; {@code palimpsest.projection.analysis-cache} bounds the text they are for.
     */
    @Bean
    AnalysisCache analysisCache(@Value("${palimpsest.projection.analysis-cache:64MB}") DataSize size) {
        if (size.isNegative()) {
            throw new IllegalStateException("palimpsest.projection.analysis-cache must be a size such as 64MB, not " + size);
        }
        return AnalysisCache.holding(size.toBytes());
    }

    @Bean
    EmailProjection emailProjection(@Qualifier("projectionDatabase") MongoDatabase projectionDatabase, NameCatalog names,
                                    ProjectionGenerations generations, AnalysisBudget budget, AnalysisCache analyses) {
        return new EmailProjection(projectionDatabase, name -> names.resolve(name).map(NameEntry::id),
                generations.current(EmailProjection.PROCESSING_GROUP), budget, analyses);
    }

    @Bean
    TimelineProjection timelineProjection(@Qualifier("projectionDatabase") MongoDatabase projectionDatabase, NameCatalog names,
                                          ProjectionGenerations generations, AnalysisBudget budget, AnalysisCache analyses) {
        return new TimelineProjection(projectionDatabase, names, generations.current(TimelineProjection.PROCESSING_GROUP),
                budget, analyses);
    }

    @Bean
    EmailQueries emailQueries(EmailProjection projection) {
        return new EmailQueries(projection);
    }

    @Bean
    TimelineQueries timelineQueries(TimelineProjection projection) {
        return new TimelineQueries(projection);
    }

    private static String bundled() {
        try (InputStream in = NameCatalog.class.getResourceAsStream(NameCatalog.BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled alias file missing from the classpath: " + NameCatalog.BUNDLED_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
