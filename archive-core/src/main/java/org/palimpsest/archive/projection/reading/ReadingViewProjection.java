package org.palimpsest.archive.projection.reading;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.projection.ProjectionPosition;

/** Projects document events into {@code reading_views}, one record per document keyed by its id. */
@ProcessingGroup(ReadingViewProjection.PROCESSING_GROUP)
public class ReadingViewProjection {

    public static final String PROCESSING_GROUP = "reading-views";
    public static final String COLLECTION = "reading_views";

    private final MongoCollection<Document> views;

    public ReadingViewProjection(MongoDatabase database) {
        this.views = database.getCollection(COLLECTION);
        // Real MongoDB uses it for language listings; the embedded server ignores non-unique indexes.
        views.createIndex(Indexes.ascending("language", "_id"));
    }

    @EventHandler
    void on(DocumentImported event, @Timestamp Instant time, @Nullable TrackingToken token) {
        save(new ReadingView(event.documentId(), event.title(), event.language(), event.source(), event.publishedAt(),
                event.text(), 0, event.contentHash(), time, event.importedBy(), time, ProjectionPosition.of(token, time)));
    }

    @EventHandler
    void on(DocumentReimported event, @Timestamp Instant time, @Nullable TrackingToken token) {
        Instant importedAt = find(event.documentId()).map(ReadingView::importedAt).orElse(time);
        save(new ReadingView(event.documentId(), event.title(), event.language(), event.source(), event.publishedAt(),
                event.text(), event.revision(), event.contentHash(), importedAt, event.importedBy(), time,
                ProjectionPosition.of(token, time)));
    }

    @ResetHandler
    void reset() {
        views.deleteMany(new Document());
    }

    @QueryHandler
    public Optional<ReadingView> handle(FindReadingView query) {
        return find(query.documentId());
    }

    @QueryHandler
    public ReadingViewPage handle(ListReadingViews query) {
        Bson filter = query.language() == null ? new Document() : Filters.eq("language", query.language());
        List<ReadingViewSummary> items = new ArrayList<>();
        views.find(filter)
                .sort(Sorts.ascending("_id"))
                .skip(query.page() * query.size())
                .limit(query.size())
                .forEach(d -> items.add(toView(d).summary()));
        return new ReadingViewPage(items, query.page(), query.size(), views.countDocuments(filter));
    }

    /**
     * Waits until the view of {@code documentId} shows content {@code contentHash}, so that a client that
     * just imported can read its own write. Returns false on timeout; the view will still catch up.
     */
    public boolean awaitContent(String documentId, String contentHash, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (find(documentId).filter(v -> v.contentHash().equals(contentHash)).isPresent()) {
                return true;
            }
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private Optional<ReadingView> find(String documentId) {
        return Optional.ofNullable(views.find(Filters.eq("_id", documentId)).first()).map(ReadingViewProjection::toView);
    }

    private void save(ReadingView view) {
        views.replaceOne(Filters.eq("_id", view.id()), toDocument(view), new ReplaceOptions().upsert(true));
    }

    private static Document toDocument(ReadingView view) {
        DocumentSource source = view.source();
        return new Document("_id", view.id())
                .append("title", view.title())
                .append("language", view.language())
                .append("source", new Document("uri", source.uri())
                        .append("publisher", source.publisher())
                        .append("retrievedAt", java.util.Date.from(source.retrievedAt())))
                .append("publishedAt", view.publishedAt())
                .append("text", view.text())
                .append("revision", view.revision())
                .append("contentHash", view.contentHash())
                .append("importedAt", java.util.Date.from(view.importedAt()))
                .append("importedBy", view.importedBy())
                .append("updatedAt", java.util.Date.from(view.updatedAt()))
                .append("asOf", new Document("position", view.asOf().position())
                        .append("time", java.util.Date.from(view.asOf().time())));
    }

    private static ReadingView toView(Document d) {
        Document source = d.get("source", Document.class);
        Document asOf = d.get("asOf", Document.class);
        return new ReadingView(
                d.getString("_id"),
                d.getString("title"),
                d.getString("language"),
                new DocumentSource(source.getString("uri"), source.getString("publisher"),
                        source.getDate("retrievedAt").toInstant()),
                d.getString("publishedAt"),
                d.getString("text"),
                ((Number) d.get("revision")).longValue(),
                d.getString("contentHash"),
                d.getDate("importedAt").toInstant(),
                d.getString("importedBy"),
                d.getDate("updatedAt").toInstant(),
                new ProjectionPosition(((Number) asOf.get("position")).longValue(), asOf.getDate("time").toInstant()));
    }
}
