package org.palimpsest.api.annotation.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.anchoring.Anchoring;
import org.palimpsest.annotations.projection.AnnotationVersion;
import org.palimpsest.annotations.projection.AnnotationView;
import org.palimpsest.annotations.webannotation.RevisionTimes;
import org.palimpsest.annotations.webannotation.WebAnnotationDocument;
import org.palimpsest.annotations.webannotation.WebAnnotationIris;
import org.palimpsest.annotations.webannotation.WebAnnotationParser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Annotations as the W3C protocol answers them: the JSON-LD of a state (the same renderer for the current version and
 * every earlier one, so {@code /versions/n} is byte for byte what {@code GET} answered then) and the headers each
 * kind of resource carries.
 */
@Component
class AnnotationResponses {

    static final String ANCHORING = WebAnnotationDocument.PREFIX + ":anchoring";
    static final String ANNOTATION_ALLOW = "GET, HEAD, OPTIONS, PUT, DELETE";
    static final String CONTAINER_ALLOW = "GET, HEAD, OPTIONS, POST";
    static final String VERSION_ALLOW = "GET, HEAD, OPTIONS";
    private static final String LDP_RESOURCE = "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"";
    private static final String LDP_CONTAINER = "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"";
    private static final String CONSTRAINED_BY =
            "<http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"";

    private final PublicBaseUrl baseUrl;
    private final ArchiveDocumentTexts documents;

    AnnotationResponses(PublicBaseUrl baseUrl, ArchiveDocumentTexts documents) {
        this.baseUrl = baseUrl;
        this.documents = documents;
    }

    WebAnnotationIris iris() {
        return new WebAnnotationIris(baseUrl.get());
    }

    WebAnnotationDocument document(RevisionTimes revisionTimes) {
        return new WebAnnotationDocument(baseUrl.get(), revisionTimes);
    }

    /** A parser, for one request, checking selectors against the archive's document revisions. */
    WebAnnotationParser parser() {
        return new WebAnnotationParser(baseUrl.get(), documents.forOneRequest());
    }

    Map<String, Object> render(AnnotationView view) {
        return document((documentId, revision) -> view.revisionTime()).annotation(view.state());
    }

    Map<String, Object> render(AnnotationVersion version) {
        return document((documentId, revision) -> version.revisionTime()).annotation(version.state());
    }

    /** Headers of one annotation (or one of its versions): its media type, version as ETag, LDP type, methods. */
    static HttpHeaders annotationHeaders(long version, MediaType type, String allow) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setETag(EntityTags.of(version));
        headers.add(HttpHeaders.LINK, LDP_RESOURCE);
        headers.set(HttpHeaders.ALLOW, allow);
        headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        return headers;
    }

    static HttpHeaders containerHeaders(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.add(HttpHeaders.LINK, LDP_CONTAINER);
        headers.add(HttpHeaders.LINK, CONSTRAINED_BY);
        headers.set(HttpHeaders.ALLOW, CONTAINER_ALLOW);
        headers.set("Accept-Post", AnnotationMediaTypes.ACCEPT_POST);
        headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", Prefer");
        return headers;
    }

    /**
     * Where an annotation lies in the document's current text, as the {@code palimpsest:anchoring} property of a
     * listed annotation: {@code status} ({@code exact}, {@code fuzzy}, {@code orphaned}), {@code score}, the
     * {@code revision} it was placed in, and the current {@code start}/{@code end}/{@code exact}, or for an orphan the
     * {@code lastKnown} place in the revision it was made on.
     */
    static Map<String, Object> anchoring(Anchoring anchoring, long revision, long madeOn) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", DocumentAnnotation.status(anchoring));
        json.put("score", anchoring.score());
        json.put("revision", revision);
        if (anchoring.anchored() && anchoring.span() != null) {
            json.put("start", anchoring.span().start());
            json.put("end", anchoring.span().end());
            putIfPresent(json, "exact", anchoring.currentQuote());
        } else if (anchoring.span() != null) {
            Map<String, Object> lastKnown = new LinkedHashMap<>();
            lastKnown.put("start", anchoring.span().start());
            lastKnown.put("end", anchoring.span().end());
            lastKnown.put("revision", madeOn);
            json.put("lastKnown", lastKnown);
        }
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String key, @Nullable Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
