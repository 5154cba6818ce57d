package org.palimpsest.annotations.webannotation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.anchoring.SelectorCheck;
import org.palimpsest.annotations.anchoring.SelectorMismatchException;
import org.palimpsest.annotations.anchoring.TextPositionSelector;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;
import org.palimpsest.annotations.anchoring.VerifiedSelectors;
import org.palimpsest.annotations.annotation.AnnotationReplyTarget;
import org.palimpsest.annotations.annotation.Body;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Generator;
import org.palimpsest.annotations.annotation.InvalidAnnotationException;
import org.palimpsest.annotations.annotation.Motivation;
import org.palimpsest.annotations.annotation.Target;

/**
 * Reads an incoming W3C annotation (a {@code Map} as any JSON library produces it) into an {@link AnnotationInput},
 * accepting the forms the W3C model allows for what Palimpsest supports and refusing the rest with an
 * {@link InvalidAnnotationException} that names the JSON field ({@code body[1].value}, {@code target.selector}).
 *
 * <ul>
 * <li>{@code motivation}: a string or an array of strings (W3C names, {@code oa:} names or full IRIs).</li>
 * <li>{@code body}: a {@code TextualBody} object or an array of them; or {@code bodyValue}, a string read as a
 * plain-text body. Bodies given by IRI (external resources) and other body types are refused.</li>
 * <li>{@code target}: exactly one; a {@code SpecificResource} whose {@code source} is a document IRI and whose
 * {@code selector} (an object or an array) holds one {@code TextQuoteSelector} and at most one
 * {@code TextPositionSelector}, other selector types and {@code refinedBy} being ignored as W3C allows for
 * alternatives; or the IRI of another annotation (a reply), bare or as {@code {"id": …}}.</li>
 * <li>The revision the selectors refer to: {@code "palimpsest:revision"} on the target (or on its {@code state});
 * without it, the document's current revision. A {@code TimeState}'s {@code sourceDate} is not used to pick one.</li>
 * <li>Server-managed properties ({@code id}, {@code creator}, {@code created}, {@code modified}, {@code palimpsest:*}
 * at the top) are ignored: the server sets them.</li>
 * </ul>
 * Selectors are checked with {@link SelectorCheck} against the named revision's text, so the input is ready to send.
 */
public final class WebAnnotationParser {

    private final WebAnnotationIris iris;
    private final DocumentTexts documents;

    public WebAnnotationParser(String baseUrl, DocumentTexts documents) {
        this.iris = new WebAnnotationIris(baseUrl);
        this.documents = documents;
    }

    public AnnotationInput parse(Map<String, ?> json) {
        Object type = json.get("type");
        if (type != null && !strings(type, "type").contains("Annotation")) {
            throw new InvalidAnnotationException("type", "a W3C annotation has type \"Annotation\"");
        }
        return new AnnotationInput(motivations(json.get("motivation")), bodies(json), target(json.get("target")),
                generator(json.get("generator")));
    }

    private static List<Motivation> motivations(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String name) {
            return List.of(Motivation.parse(name, "motivation"));
        }
        List<?> names = listOf(value, "motivation", "a string or an array of strings");
        List<Motivation> motivations = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String field = "motivation[" + i + "]";
            motivations.add(Motivation.parse(string(names.get(i), field), field));
        }
        return motivations;
    }

    private static List<Body> bodies(Map<String, ?> json) {
        Object body = json.get("body");
        Object bodyValue = json.get("bodyValue");
        if (bodyValue != null) {
            if (body != null) {
                throw new InvalidAnnotationException("bodyValue", "give either body or bodyValue, not both");
            }
            // W3C: bodyValue stands for a TextualBody with that value and format text/plain.
            return List.of(Body.text(string(bodyValue, "bodyValue")));
        }
        if (body == null) {
            return List.of();
        }
        if (body instanceof List<?> many) {
            List<Body> bodies = new ArrayList<>();
            for (int i = 0; i < many.size(); i++) {
                bodies.add(body(many.get(i), "body[" + i + "]"));
            }
            return bodies;
        }
        return List.of(body(body, "body"));
    }

    private static Body body(@Nullable Object value, String field) {
        if (value instanceof String) {
            throw new InvalidAnnotationException(field, "bodies given by IRI (external resources) are not supported; "
                    + "send a TextualBody object {\"type\": \"TextualBody\", \"value\": …} or bodyValue");
        }
        Map<String, ?> body = object(value, field);
        Object type = body.get("type");
        if (type != null && !strings(type, field + ".type").contains("TextualBody")) {
            throw new InvalidAnnotationException(field + ".type", "only TextualBody bodies are supported");
        }
        if (body.get("value") == null) {
            throw new InvalidAnnotationException(field + ".value", "a TextualBody needs a value");
        }
        return new Body(string(body.get("value"), field + ".value"),
                optionalSingle(body.get("format"), field + ".format"),
                optionalSingle(body.get("language"), field + ".language"),
                optionalSingle(body.get("purpose"), field + ".purpose"));
    }

    private Target target(@Nullable Object value) {
        if (value == null) {
            throw new InvalidAnnotationException("target", "an annotation needs a target");
        }
        if (value instanceof List<?> many) {
            if (many.size() != 1) {
                throw new InvalidAnnotationException("target", "give exactly one target; found " + many.size());
            }
            value = many.get(0);
        }
        if (value instanceof String iri) {
            return targetByIri(iri, "target");
        }
        Map<String, ?> target = object(value, "target");
        if (target.get("source") == null) {
            if (target.get("id") != null) {
                return targetByIri(string(target.get("id"), "target.id"), "target.id");
            }
            throw new InvalidAnnotationException("target.source", "a target needs a source");
        }
        String source = string(target.get("source"), "target.source");
        if (iris.annotationId(source).isPresent()) {
            if (target.get("selector") != null) {
                throw new InvalidAnnotationException("target.selector", "a reply is about a whole annotation; "
                        + "selectors apply to documents only");
            }
            return new AnnotationReplyTarget(iris.annotationId(source).get());
        }
        String documentId = iris.documentId(source).orElseThrow(() -> new InvalidAnnotationException("target.source",
                "'" + source + "' is not a document of this archive (" + iris.document("{id}") + ")"));
        return documentTarget(documentId, target);
    }

    private Target targetByIri(String iri, String field) {
        if (iris.annotationId(iri).isPresent()) {
            return new AnnotationReplyTarget(iris.annotationId(iri).get());
        }
        if (iris.documentId(iri).isPresent()) {
            throw new InvalidAnnotationException("target.selector", "an annotation on a document needs a "
                    + "SpecificResource target with a TextQuoteSelector, not the document's IRI alone");
        }
        throw new InvalidAnnotationException(field, "'" + iri + "' is neither a document nor an annotation of this archive");
    }

    private DocumentTarget documentTarget(String documentId, Map<String, ?> target) {
        TextQuoteSelector quote = null;
        TextPositionSelector position = null;
        Object selector = target.get("selector");
        if (selector == null) {
            throw new InvalidAnnotationException("target.selector", "a TextQuoteSelector is required");
        }
        List<?> selectors = selector instanceof List<?> many ? many : List.of(selector);
        for (int i = 0; i < selectors.size(); i++) {
            String field = selector instanceof List<?> ? "target.selector[" + i + "]" : "target.selector";
            Map<String, ?> one = object(selectors.get(i), field);
            Object type = one.get("type");
            List<String> types = type == null ? List.of() : strings(type, field + ".type");
            if (types.contains("TextQuoteSelector")) {
                if (quote != null) {
                    throw new InvalidAnnotationException(field, "give one TextQuoteSelector");
                }
                quote = quoteSelector(one, field);
            } else if (types.contains("TextPositionSelector")) {
                if (position != null) {
                    throw new InvalidAnnotationException(field, "give at most one TextPositionSelector");
                }
                position = positionSelector(one, field);
            }
            // Other selector types are alternatives W3C lets a consumer skip; refinedBy refines those we skip too.
        }
        if (quote == null) {
            throw new InvalidAnnotationException("target.selector", "a TextQuoteSelector is required; Palimpsest "
                    + "anchors by quote so that annotations survive changes to the text");
        }
        OptionalLong current = documents.currentRevision(documentId);
        if (current.isEmpty()) {
            throw new InvalidAnnotationException("target.source", "there is no document '" + documentId + "'");
        }
        Long named = revision(target);
        long revision = named != null ? named : current.getAsLong();
        String text = documents.textAt(documentId, revision).orElseThrow(() -> new InvalidAnnotationException(
                "target." + WebAnnotationDocument.REVISION, "document '" + documentId + "' has no revision " + revision
                + "; its current revision is " + current.getAsLong()));
        try {
            VerifiedSelectors verified = SelectorCheck.verify(text, quote, position);
            return new DocumentTarget(documentId, revision, verified.quote(), verified.position());
        } catch (SelectorMismatchException e) {
            throw new InvalidAnnotationException(e.field(), e.getMessage() + " (revision " + revision + ")");
        }
    }

    private static TextQuoteSelector quoteSelector(Map<String, ?> selector, String field) {
        if (selector.get("exact") == null) {
            throw new InvalidAnnotationException(field + ".exact", "a TextQuoteSelector needs exact");
        }
        String exact = string(selector.get("exact"), field + ".exact");
        if (exact.isEmpty()) {
            throw new InvalidAnnotationException(field + ".exact", "a TextQuoteSelector needs a non-empty exact");
        }
        Object prefix = selector.get("prefix");
        Object suffix = selector.get("suffix");
        return new TextQuoteSelector(exact, prefix == null ? null : string(prefix, field + ".prefix"),
                suffix == null ? null : string(suffix, field + ".suffix"));
    }

    private static TextPositionSelector positionSelector(Map<String, ?> selector, String field) {
        int start = offset(selector.get("start"), field + ".start");
        int end = offset(selector.get("end"), field + ".end");
        if (end < start) {
            throw new InvalidAnnotationException(field + ".end", "end (" + end + ") is before start (" + start + ")");
        }
        return new TextPositionSelector(start, end);
    }

    private static int offset(@Nullable Object value, String field) {
        if (value == null) {
            throw new InvalidAnnotationException(field, "a TextPositionSelector needs start and end");
        }
        long offset = whole(value, field);
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new InvalidAnnotationException(field, "offsets are code points from 0");
        }
        return (int) offset;
    }

    /** The revision on the target, else on its state (or states). */
    private static @Nullable Long revision(Map<String, ?> target) {
        String field = "target." + WebAnnotationDocument.REVISION;
        if (target.get(WebAnnotationDocument.REVISION) != null) {
            return nonNegative(whole(target.get(WebAnnotationDocument.REVISION), field), field);
        }
        Object state = target.get("state");
        List<?> states = state instanceof List<?> many ? many : state == null ? List.of() : List.of(state);
        for (Object one : states) {
            if (one instanceof Map<?, ?> map && map.get(WebAnnotationDocument.REVISION) != null) {
                String stateField = "target.state." + WebAnnotationDocument.REVISION;
                return nonNegative(whole(map.get(WebAnnotationDocument.REVISION), stateField), stateField);
            }
        }
        return null;
    }

    private static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidAnnotationException(field, "revisions start at 0");
        }
        return value;
    }

    private static @Nullable Generator generator(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String iri) {
            return new Generator(iri, null, null);
        }
        Map<String, ?> generator = object(value, "generator");
        Generator parsed = new Generator(optionalSingle(generator.get("id"), "generator.id"),
                optionalSingle(generator.get("name"), "generator.name"),
                optionalSingle(generator.get("homepage"), "generator.homepage"));
        if (parsed.id() == null && parsed.name() == null) {
            throw new InvalidAnnotationException("generator", "a generator needs an id or a name");
        }
        return parsed;
    }

    // JSON shapes, each failure naming its field.

    private static String string(@Nullable Object value, String field) {
        if (value instanceof String s) {
            return s;
        }
        throw new InvalidAnnotationException(field, "must be a string");
    }

    /** A string, or (as JSON-LD allows for any property) an array holding one string. */
    private static @Nullable String optionalSingle(@Nullable Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> many) {
            if (many.size() != 1) {
                throw new InvalidAnnotationException(field, "give one value");
            }
            return string(many.get(0), field);
        }
        return string(value, field);
    }

    private static List<String> strings(Object value, String field) {
        if (value instanceof String s) {
            return List.of(s);
        }
        List<?> many = listOf(value, field, "a string or an array of strings");
        List<String> strings = new ArrayList<>();
        for (Object one : many) {
            strings.add(string(one, field));
        }
        return strings;
    }

    private static List<?> listOf(Object value, String field, String expected) {
        if (value instanceof List<?> many) {
            return many;
        }
        throw new InvalidAnnotationException(field, "must be " + expected);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> object(@Nullable Object value, String field) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        throw new InvalidAnnotationException(field, "must be an object");
    }

    /** JSON numbers arrive as Integer, Long, BigInteger, Double or BigDecimal depending on the library. */
    private static long whole(Object value, String field) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidAnnotationException(field, "must be a whole number");
            }
        }
        if ((value instanceof Double || value instanceof Float) && isWhole(((Number) value).doubleValue())) {
            return ((Number) value).longValue();
        }
        throw new InvalidAnnotationException(field, "must be a whole number");
    }

    private static boolean isWhole(double d) {
        return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p53;
    }
}
