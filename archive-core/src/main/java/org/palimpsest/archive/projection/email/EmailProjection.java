package org.palimpsest.archive.projection.email;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.projection.FollowedDocument;
import org.palimpsest.archive.projection.Generation;
import org.palimpsest.archive.projection.Rebuildable;
import org.palimpsest.archive.projection.ProjectionPosition;
import org.palimpsest.archive.projection.TextDerivedProjection;
import org.palimpsest.archive.projection.analysis.AnalysisCache;
import org.palimpsest.archive.projection.analysis.TextAnalyses;

/**
 * Extracts the emails each document quotes, again whenever its text changes (imports, accepted and reverted
 * fixes), kept per document version in {@code emails_contents}; messages are formed from renderings at query time ({@link EmailQueries}), so a
 * better grouping rule needs no rebuild. Every write is keyed by unique ids.
 */
@ProcessingGroup(EmailProjection.PROCESSING_GROUP)
public class EmailProjection extends TextDerivedProjection<EmailRendering> {

    public static final String PROCESSING_GROUP = "emails";
    static final String RENDERINGS = "emails";
    static final String DOCUMENTS = "email_documents";

    private final Function<String, Optional<String>> aliasResolver;
    private final AnalysisCache analyses;

    /** @param aliasResolver maps any spelling of a known person's name to a stable id */
    public EmailProjection(MongoDatabase database, Function<String, Optional<String>> aliasResolver) {
        this(database, aliasResolver, Generation.FIRST, AnalysisBudget.standard(), AnalysisCache.standard());
    }

    public EmailProjection(MongoDatabase database, Function<String, Optional<String>> aliasResolver, Generation generation,
                           AnalysisBudget budget) {
        this(database, aliasResolver, generation, budget, AnalysisCache.standard());
    }

    /** @param analyses where analyses of a text are shared with the other projections that read it */
    public EmailProjection(MongoDatabase database, Function<String, Optional<String>> aliasResolver, Generation generation,
                           AnalysisBudget budget, AnalysisCache analyses) {
        super(database, DOCUMENTS, RENDERINGS, EmailRendering.class, generation, budget);
        this.aliasResolver = aliasResolver;
        this.analyses = analyses;
    }

    /** Maps any spelling of a known person's name to a stable id, as the renderings were stored with. */
    Function<String, Optional<String>> aliasResolver() {
        return aliasResolver;
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public Rebuildable fresh(Generation generation) {
        return new EmailProjection(database(), aliasResolver, generation, budget(), analyses);
    }

    /** The same projection on another database (a replay's scratch), with the same alias resolver. */
    public EmailProjection replica(MongoDatabase scratch) {
        return new EmailProjection(scratch, aliasResolver, Generation.FIRST, budget(), analyses);
    }

    @Override
    protected void derive(FollowedDocument doc, ProjectionPosition at) {
        for (var email : analyse(doc, () -> analyses.get(TextAnalyses.EMAILS, doc.text()))) {
            EmailRendering rendering = EmailRendering.of(doc.documentId(), doc.title(), doc.language(), doc.revision(), email, at);
            derived(rendering.key(), rendering);
        }
    }

    /** Every rendering, ungrouped, as the projection held them at {@code position} or {@code time}; both null: now. */
    public List<EmailRendering> renderings(@Nullable Long position, @Nullable Instant time) {
        return derived(position, time);
    }
}
