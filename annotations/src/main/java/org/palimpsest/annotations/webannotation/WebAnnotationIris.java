package org.palimpsest.annotations.webannotation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The IRIs annotations and documents have in the W3C representation: {@code <base>/annotations/<id>} and
 * {@code <base>/api/documents/<id>}, and the namespace of Palimpsest's own JSON-LD terms, {@code <base>/ns#}.
 * Parsing accepts the absolute form and the path alone, so clients may send either.
 */
public final class WebAnnotationIris {

    static final String ANNOTATIONS = "/annotations/";
    static final String DOCUMENTS = "/api/documents/";

    private final String base;

    /** @param baseUrl the public base URL of the archive, e.g. {@code https://archive.example}; a trailing slash is ignored */
    public WebAnnotationIris(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String base() {
        return base;
    }

    /** The annotation container, {@code <base>/annotations/}. */
    public String container() {
        return base + ANNOTATIONS;
    }

    public String annotation(String annotationId) {
        return base + ANNOTATIONS + encode(annotationId);
    }

    public String document(String documentId) {
        return base + DOCUMENTS + encode(documentId);
    }

    /** The namespace bound to the {@code palimpsest} prefix in the JSON-LD context. */
    public String namespace() {
        return base + "/ns#";
    }

    /** The annotation id in {@code iri}, if it names an annotation of this archive. */
    public Optional<String> annotationId(String iri) {
        return idUnder(iri, ANNOTATIONS);
    }

    /** The document id in {@code iri}, if it names a document of this archive. */
    public Optional<String> documentId(String iri) {
        return idUnder(iri, DOCUMENTS);
    }

    private Optional<String> idUnder(String iri, String path) {
        String local = iri.startsWith(base + "/") ? iri.substring(base.length()) : iri;
        if (!local.startsWith(path)) {
            return Optional.empty();
        }
        String segment = local.substring(path.length());
        if (segment.isEmpty() || segment.contains("/") || segment.contains("?") || segment.contains("#")) {
            return Optional.empty();
        }
        return decode(segment);
    }

    /** Percent-encodes all but RFC 3986 unreserved characters, so any id is one path segment. */
    private static String encode(String id) {
        StringBuilder out = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Percent-decoding only ({@code +} stays a plus: this is a path, not a form). */
    private static Optional<String> decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }
}
