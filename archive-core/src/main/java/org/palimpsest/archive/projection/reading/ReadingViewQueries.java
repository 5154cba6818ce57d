package org.palimpsest.archive.projection.reading;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.palimpsest.archive.projection.VersionIndex;

/**
 * The reading views' queries: a document's view now or as of a moment, its versions and revisions, and listings. They
 * read the store of the generation the {@link ReadingViewProjection} reads now, so an adopted rebuild answers at once.
 */
public final class ReadingViewQueries {

    private final ReadingViewProjection projection;

    public ReadingViewQueries(ReadingViewProjection projection) {
        this.projection = projection;
    }

    private ReadingViewStore store() {
        return projection.store();
    }

    @QueryHandler
    public Optional<ReadingView> handle(FindReadingView query) {
        return projection.find(query.documentId());
    }

    /** Three key lookups whatever the length of the document's history (see {@link VersionIndex}). */
    @QueryHandler
    public Optional<ReadingView> handle(FindReadingViewAsOf query) {
        return store().asOf(query.documentId(), query.position(), query.time());
    }

    @QueryHandler
    public List<VersionIndex.Stamp> handle(ListReadingViewVersions query) {
        return store().stamps(query.documentId());
    }

    @QueryHandler
    public Optional<DocumentRevision> handle(FindRevision query) {
        return store().revision(query.documentId(), query.revision());
    }

    @QueryHandler
    public ReadingViewPage handle(ListReadingViews query) {
        if (query.position() != null || query.time() != null) {
            return listAsOf(query);
        }
        Bson filter = query.language() == null ? Filters.empty() : Filters.eq("language", query.language());
        List<ReadingViewSummary> items = new ArrayList<>();
        store().views().committed().find(filter)
                .sort(Sorts.ascending("_id"))
                .skip(query.page() * query.size())
                .limit(query.size())
                .forEach(v -> items.add(v.summary()));
        return new ReadingViewPage(items, query.page(), query.size(), store().views().committed().countDocuments(filter));
    }

    /** One version lookup per document known now: documents are never removed, so this covers every past one. */
    private ReadingViewPage listAsOf(ListReadingViews query) {
        List<ReadingViewSummary> matching = projection.currentIds().stream().sorted()
                .map(id -> handle(new FindReadingViewAsOf(id, query.position(), query.time())))
                .flatMap(Optional::stream)
                .filter(v -> query.language() == null || v.language().equals(query.language()))
                .map(ReadingView::summary)
                .toList();
        List<ReadingViewSummary> page = matching.stream().skip((long) query.page() * query.size()).limit(query.size()).toList();
        return new ReadingViewPage(page, query.page(), query.size(), matching.size());
    }

}
