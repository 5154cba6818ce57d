package org.palimpsest.api.document.web;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.annotation.web.DocumentAnnotations;
import org.palimpsest.api.projection.ParkedEvents;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.api.web.BadRequestException;
import org.palimpsest.api.web.LanguageTags;
import org.palimpsest.api.web.Paging;
import org.palimpsest.api.web.Reflects;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.ImportOutcome;
import org.palimpsest.archive.document.ImportRequest;
import org.palimpsest.archive.input.InvalidTextException;
import org.palimpsest.archive.input.UnicodeText;
import org.palimpsest.archive.projection.VersionIndex;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.FindReadingViewAsOf;
import org.palimpsest.archive.projection.reading.ListReadingViewVersions;
import org.palimpsest.archive.projection.reading.ListReadingViews;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.palimpsest.archive.projection.reading.ReadingViewPage;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.palimpsest.api.web.AffectedViews;
import org.palimpsest.api.web.ReadYourWrites;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Import documents and read their current reading views. HTTP in, commands and queries out. */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    static final String TEXT_MARKDOWN = "text/markdown";

    private final DocumentImporter importer;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final DocumentAnnotations annotations;
    private final Reflects reflects;
    private final ParkedEvents parked;

    DocumentController(DocumentImporter importer, QueryGateway queries, ReadYourWrites readYourWrites,
                       DocumentAnnotations annotations, Reflects reflects, ParkedEvents parked) {
        this.parked = parked;
        this.reflects = reflects;
        this.importer = importer;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.annotations = annotations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> importJson(@RequestBody ImportDocumentJson body, Authentication caller) {
        if (body.text() == null) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "text", "the import body needs a 'text' field");
        }
        return answer(importer.importDocument(body.toRequest(), caller.getName()));
    }

    /** A raw upload; YAML front matter and the query parameters supply the metadata. */
    @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, TEXT_MARKDOWN})
    ResponseEntity<?> importText(@RequestBody byte[] body,
                                 @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                                 @RequestParam(required = false) @Nullable String title,
                                 @RequestParam(required = false) @Nullable String language,
                                 @RequestParam(required = false) @Nullable String sourceUri,
                                 @RequestParam(required = false) @Nullable String publisher,
                                 @RequestParam(required = false) @Nullable String publishedAt,
                                 Authentication caller) {
        String text = decode(body, contentType);
        return answer(importer.importDocument(
                new ImportRequest(text, title, language, sourceUri, publisher, publishedAt), caller.getName()));
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) @Nullable String language,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size,
                         @RequestParam(required = false) @Nullable String asOf,
                         @RequestParam(required = false) @Nullable Long atPosition) {
        String tag = LanguageTags.filter(language, "language");
        Paging.check(page, size, 200);
        Optional<AsOf> when = AsOf.from(asOf, atPosition, null);
        ReadingViewPage found = queries.query(new ListReadingViews(tag, page, size, when.map(AsOf::position).orElse(null),
                when.map(AsOf::time).orElse(null)), ReadingViewPage.class).join();
        return Reflects.with(Map.of("items", found.items(), "page", found.page(), "size", found.size(),
                "total", found.total()), reflects.asOf(when));
    }

    /**
     * The reading view now, or as it stood at {@code asOf}/{@code atPosition}/{@code Accept-Datetime}: a historical
     * answer carries Memento headers and the annotations live then, in their versions then, anchored to that text.
     */
    @GetMapping("/{id}")
    ResponseEntity<DocumentResponse> get(@PathVariable String id,
                                         @RequestParam(required = false) @Nullable String asOf,
                                         @RequestParam(required = false) @Nullable Long atPosition,
                                         @RequestHeader(value = "Accept-Datetime", required = false) @Nullable String acceptDatetime) {
        Optional<AsOf> when = AsOf.from(asOf, atPosition, acceptDatetime);
        if (when.isEmpty()) {
            return ResponseEntity.ok().header(HttpHeaders.LINK, mementoLinks(id)).body(response(find(id), null));
        }
        ReadingView view = queries.query(new FindReadingViewAsOf(id, when.get().position(), when.get().time()),
                        ResponseTypes.optionalInstanceOf(ReadingView.class)).join()
                .orElseThrow(() -> new NotFoundException("document " + id + " did not exist at "
                        + (when.get().position() != null ? "position " + when.get().position() : when.get().time())));
        return ResponseEntity.ok()
                .header("Memento-Datetime", AsOf.httpDate(view.asOf().time()))
                .header(HttpHeaders.LINK, mementoLinks(id))
                .header(HttpHeaders.VARY, "Accept-Datetime")
                .body(DocumentResponse.of(view,
                        annotations.forDocumentAsOf(id, view.text(), view.revision(), when.get()), null)
                        .behind(parked.behind(id, when.get().position(), when.get().time())));
    }

    /** RFC 7089 TimeMap: every version of the reading view, with the position that reads it. */
    @GetMapping(value = "/{id}/timemap", produces = "application/link-format")
    String timemap(@PathVariable String id) {
        List<VersionIndex.Stamp> stamps = queries.query(new ListReadingViewVersions(id),
                ResponseTypes.multipleInstancesOf(VersionIndex.Stamp.class)).join();
        if (stamps.isEmpty()) {
            throw new NotFoundException("no document with id " + id);
        }
        StringBuilder map = new StringBuilder(mementoLinks(id)).append(",\n");
        map.append("</api/documents/").append(id).append("/timemap>; rel=\"self\"; type=\"application/link-format\"");
        for (VersionIndex.Stamp stamp : stamps) {
            map.append(",\n</api/documents/").append(id).append("?atPosition=").append(stamp.position())
                    .append(">; rel=\"memento\"; datetime=\"").append(AsOf.httpDate(stamp.time())).append('"');
        }
        return map.append('\n').toString();
    }

    private static String mementoLinks(String id) {
        return "</api/documents/" + id + ">; rel=\"original timegate\", </api/documents/" + id
                + "/timemap>; rel=\"timemap\"; type=\"application/link-format\"";
    }

    private ReadingView find(String id) {
        return findIfProjected(id).orElseThrow(() -> notFound(id, parked.behind(id)));
    }

    private Optional<ReadingView> findIfProjected(String id) {
        return queries.query(new FindReadingView(id), ResponseTypes.optionalInstanceOf(ReadingView.class)).join();
    }

    private static NotFoundException notFound(String id, List<ParkedEvents.Behind> behind) {
        return new NotFoundException("no document with id " + id + readingViewsParked(behind)
                .map(b -> "; its reading view is behind since " + b.since() + ": " + b.error())
                .orElse(""));
    }

    private static Optional<ParkedEvents.Behind> readingViewsParked(List<ParkedEvents.Behind> behind) {
        return behind.stream().filter(b -> b.projection().equals(ReadingViewProjection.PROCESSING_GROUP)).findFirst();
    }

    /** The reading view and the parked events are each read once: the answer and its checks share them. */
    private ResponseEntity<?> answer(ImportOutcome outcome) {
        URI location = URI.create("/api/documents/" + outcome.documentId());
        HttpStatus status = outcome.result() == ImportOutcome.Result.IMPORTED ? HttpStatus.CREATED : HttpStatus.OK;
        String result = outcome.result().name().toLowerCase(Locale.ROOT);
        // An import that created the document made its first event; any other may follow writes of others.
        boolean caughtUp = outcome.result() == ImportOutcome.Result.IMPORTED
                ? readYourWrites.awaitEvent(outcome.documentId(), 0, AffectedViews.TEXT)
                : readYourWrites.awaitAggregate(outcome.documentId(), AffectedViews.TEXT);
        Optional<ReadingView> view = caughtUp ? findIfProjected(outcome.documentId()) : Optional.empty();
        List<ParkedEvents.Behind> behind = caughtUp ? parked.behind(outcome.documentId()) : List.of();
        if (!caughtUp || view.isEmpty() && readingViewsParked(behind).isPresent()) {
            // The facts are recorded; only the view lags (or the reading views parked it, ADR 8). Say so rather
            // than pretend or fail.
            return ResponseEntity.accepted().location(location).body(Map.of(
                    "id", outcome.documentId(), "revision", outcome.revision(), "importResult", result,
                    "detail", caughtUp ? "imported; the reading views parked it, see GET " + location
                            : "imported; the reading view is still being built"));
        }
        ReadingView shown = view.orElseThrow(() -> notFound(outcome.documentId(), behind));
        return ResponseEntity.status(status).location(location).body(DocumentResponse.of(shown,
                annotations.forDocument(shown.id(), shown.text(), shown.revision()), result).behind(behind));
    }

    private DocumentResponse response(ReadingView view, @Nullable String importResult) {
        return DocumentResponse.of(view, annotations.forDocument(view.id(), view.text(), view.revision()), importResult)
                .behind(parked.behind(view.id()));
    }

    /** Strict decoding, the same rule as for JSON bodies: bytes that do not decode are refused, never replaced. */
    private static String decode(byte[] body, MediaType contentType) {
        // The size was checked before the body was read (RequestBodyGate, palimpsest.limits.request-body).
        Charset charset = contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
        try {
            return UnicodeText.decode(body, charset);
        } catch (InvalidTextException e) {
            throw new InvalidTextException(null, null, e.offset(), "the body is " + e.getMessage()
                    + "; send UTF-8 or name the charset in Content-Type");
        }
    }
}
