package org.palimpsest.api.annotation.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.webannotation.WebAnnotationDocument;
import org.palimpsest.api.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Content negotiation of the annotation protocol: JSON-LD with the W3C profile unless the client prefers plain
 * {@code application/json} (the same document, for clients that know no JSON-LD).
 */
final class AnnotationMediaTypes {

    static final MediaType JSON_LD = MediaType.parseMediaType(WebAnnotationDocument.MEDIA_TYPE);
    static final MediaType JSON = MediaType.APPLICATION_JSON;
    /** What POST and PUT take; any {@code +json} type is read as JSON. */
    static final String ACCEPT_POST = WebAnnotationDocument.MEDIA_TYPE + ", application/json";

    private static final MediaType LD_JSON = new MediaType("application", "ld+json");

    private AnnotationMediaTypes() {
    }

    /**
     * @param accept the request's {@code Accept} header
     * @throws BadRequestException 406 when the client accepts neither
     */
    static MediaType negotiate(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON_LD;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "Accept", "the Accept header is malformed: " + e.getMessage());
        }
        // Highest quality first; among equals, a concrete type before a wildcard (a stable sort keeps header order).
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed()
                .thenComparing(type -> type.isWildcardType() || type.isWildcardSubtype()));
        for (MediaType type : accepted) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            if (type.isWildcardType() || type.getType().equals("application") && (type.isWildcardSubtype()
                    || type.getSubtype().equals(LD_JSON.getSubtype()) || type.getSubtype().equals("*+json"))) {
                return JSON_LD;
            }
            if (type.getType().equals("application") && type.getSubtype().equals("json")) {
                return JSON;
            }
        }
        throw new BadRequestException(HttpStatus.NOT_ACCEPTABLE, "Accept", "annotations are served as "
                + WebAnnotationDocument.MEDIA_TYPE + " or application/json, not " + accept);
    }
}
