package org.palimpsest.annotations.webannotation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.annotation.AnnotationReplyTarget;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.annotations.annotation.Body;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Generator;
import org.palimpsest.annotations.annotation.Motivation;

/**
 * Renders annotations as W3C Web Annotation JSON-LD, as ordered maps of strings, numbers, booleans, lists and maps
 * that any JSON library writes as they are (so the API's Jackson 3 and Axon's Jackson 2 never meet).
 *
 * <p>The document's text revision a target refers to has no W3C property: a {@code TimeState} needs an instant, and
 * two revisions may share one. So the target carries {@code "palimpsest:revision": n} (an extension term; the
 * {@code palimpsest} prefix is bound in a second {@code @context} entry to {@code <base>/ns#}), and a {@code TimeState}
 * whose {@code sourceDate} is the revision's instant when {@link RevisionTimes} knows it. The annotation's own version
 * (its ETag) is {@code "palimpsest:version"}; {@code "palimpsest:hidden"} and {@code "palimpsest:deleted"} appear
 * only when true (moderators and the version history see such annotations; readers do not).
 */
public final class WebAnnotationDocument {

    public static final String ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    public static final String LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";
    /** The media type of the W3C Web Annotation Protocol. */
    public static final String MEDIA_TYPE = "application/ld+json; profile=\"" + ANNO_CONTEXT + "\"";
    public static final String PREFIX = "palimpsest";
    public static final String REVISION = PREFIX + ":revision";
    public static final String VERSION = PREFIX + ":version";
    public static final String HIDDEN = PREFIX + ":hidden";
    public static final String DELETED = PREFIX + ":deleted";

    private final WebAnnotationIris iris;
    private final RevisionTimes revisionTimes;

    public WebAnnotationDocument(String baseUrl, RevisionTimes revisionTimes) {
        this.iris = new WebAnnotationIris(baseUrl);
        this.revisionTimes = revisionTimes;
    }

    public WebAnnotationIris iris() {
        return iris;
    }

    /** One annotation, with its {@code @context}: the body of {@code GET /annotations/{id}}. */
    public Map<String, Object> annotation(AnnotationState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", context());
        json.putAll(describe(state));
        return Collections.unmodifiableMap(json);
    }

    /**
     * One page of the annotation container, W3C protocol style, items embedded: the body of
     * {@code GET /annotations/?page=n}.
     *
     * @param pageIri    this page's IRI, query included
     * @param startIndex position of the first item in the whole collection
     * @param total      number of annotations in the whole collection
     * @param next       the next page's IRI, if any
     * @param prev       the previous page's IRI, if any
     */
    public Map<String, Object> page(String pageIri, List<AnnotationState> items, long startIndex, long total,
                                    @Nullable String next, @Nullable String prev) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", List.of(ANNO_CONTEXT, LDP_CONTEXT, Map.of(PREFIX, iris.namespace())));
        json.put("id", pageIri);
        json.put("type", "AnnotationPage");
        Map<String, Object> partOf = new LinkedHashMap<>();
        partOf.put("id", iris.container());
        partOf.put("type", List.of("BasicContainer", "AnnotationCollection"));
        partOf.put("total", total);
        json.put("partOf", partOf);
        json.put("startIndex", startIndex);
        putIfPresent(json, "next", next);
        putIfPresent(json, "prev", prev);
        json.put("items", items.stream().map(this::describe).toList());
        return Collections.unmodifiableMap(json);
    }

    private List<Object> context() {
        return List.of(ANNO_CONTEXT, Map.of(PREFIX, iris.namespace()));
    }

    /** The annotation without {@code @context}, as embedded in pages. */
    private Map<String, Object> describe(AnnotationState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", iris.annotation(state.annotationId()));
        json.put("type", "Annotation");
        if (!state.motivations().isEmpty()) {
            json.put("motivation", oneOrMany(state.motivations().stream().map(Motivation::w3cName).toList()));
        }
        json.put("creator", Map.of("type", "Person", "nickname", state.creator()));
        json.put("created", time(state.created()));
        if (state.modified() != null) {
            json.put("modified", time(state.modified()));
        }
        if (state.generator() != null) {
            json.put("generator", generator(state.generator()));
        }
        if (!state.bodies().isEmpty()) {
            json.put("body", oneOrMany(state.bodies().stream().map(WebAnnotationDocument::body).toList()));
        }
        json.put("target", target(state));
        json.put(VERSION, state.version());
        if (state.hidden()) {
            json.put(HIDDEN, true);
        }
        if (state.deleted()) {
            json.put(DELETED, true);
        }
        return json;
    }

    private Object target(AnnotationState state) {
        if (state.target() instanceof AnnotationReplyTarget reply) {
            return iris.annotation(reply.annotationId());
        }
        DocumentTarget document = (DocumentTarget) state.target();
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", "SpecificResource");
        target.put("source", iris.document(document.documentId()));
        target.put(REVISION, document.revision());
        List<Object> selectors = new ArrayList<>();
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("type", "TextQuoteSelector");
        quote.put("exact", document.quote().exact());
        putIfPresent(quote, "prefix", document.quote().prefix());
        putIfPresent(quote, "suffix", document.quote().suffix());
        selectors.add(quote);
        if (document.position() != null) {
            Map<String, Object> position = new LinkedHashMap<>();
            position.put("type", "TextPositionSelector");
            position.put("start", document.position().start());
            position.put("end", document.position().end());
            selectors.add(position);
        }
        target.put("selector", selectors);
        Instant revisedAt = revisionTimes.at(document.documentId(), document.revision());
        if (revisedAt != null) {
            Map<String, Object> timeState = new LinkedHashMap<>();
            timeState.put("type", "TimeState");
            timeState.put("sourceDate", time(revisedAt));
            target.put("state", timeState);
        }
        return target;
    }

    private static Map<String, Object> body(Body body) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "TextualBody");
        json.put("value", body.value());
        putIfPresent(json, "format", body.format());
        putIfPresent(json, "language", body.language());
        putIfPresent(json, "purpose", body.purpose());
        return json;
    }

    private static Object generator(Generator generator) {
        if (generator.name() == null && generator.homepage() == null && generator.id() != null) {
            return generator.id();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        putIfPresent(json, "id", generator.id());
        json.put("type", "Software");
        putIfPresent(json, "name", generator.name());
        putIfPresent(json, "homepage", generator.homepage());
        return json;
    }

    /** W3C writes a single value bare and several as an array. */
    private static Object oneOrMany(List<?> values) {
        return values.size() == 1 ? values.get(0) : values;
    }

    /** xsd:dateTime in UTC to the second, as in the W3C examples. */
    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void putIfPresent(Map<String, Object> json, String key, @Nullable Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
