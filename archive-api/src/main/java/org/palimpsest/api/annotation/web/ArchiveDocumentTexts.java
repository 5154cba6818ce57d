package org.palimpsest.api.annotation.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.palimpsest.annotations.webannotation.DocumentTexts;
import org.palimpsest.archive.projection.reading.DocumentRevision;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.FindReadingViewAsOf;
import org.palimpsest.archive.projection.reading.FindRevision;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.springframework.stereotype.Component;

/** Document revisions and their texts for checking selectors, from the reading-view projection. */
@Component
class ArchiveDocumentTexts implements DocumentTexts {

    /**
     * The texts as one request sees them: the reading view read for the current revision also gives that revision's
     * text, so a selector checked against the current text costs one read, not two. Nothing outlives the request.
     */
    DocumentTexts forOneRequest() {
        return new DocumentTexts() {
            private final Map<String, ReadingView> current = new HashMap<>();

            @Override
            public OptionalLong currentRevision(String documentId) {
                Optional<ReadingView> view = view(documentId);
                view.ifPresent(v -> current.put(documentId, v));
                return view.map(v -> OptionalLong.of(v.revision())).orElse(OptionalLong.empty());
            }

            @Override
            public Optional<String> textAt(String documentId, long revision) {
                ReadingView view = current.get(documentId);
                return view != null && view.revision() == revision ? Optional.of(view.text())
                        : ArchiveDocumentTexts.this.textAt(documentId, revision);
            }
        };
    }

    private final QueryGateway queries;

    ArchiveDocumentTexts(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public OptionalLong currentRevision(String documentId) {
        return view(documentId).map(v -> OptionalLong.of(v.revision())).orElse(OptionalLong.empty());
    }

    @Override
    public Optional<String> textAt(String documentId, long revision) {
        return queries.query(new FindRevision(documentId, revision), ResponseTypes.optionalInstanceOf(DocumentRevision.class))
                .join()
                .map(DocumentRevision::text);
    }

    Optional<ReadingView> viewAsOf(String documentId, AsOf when) {
        return queries.query(new FindReadingViewAsOf(documentId, when.position(), when.time()),
                ResponseTypes.optionalInstanceOf(ReadingView.class)).join();
    }

    Optional<ReadingView> view(String documentId) {
        return queries.query(new FindReadingView(documentId), ResponseTypes.optionalInstanceOf(ReadingView.class)).join();
    }
}
