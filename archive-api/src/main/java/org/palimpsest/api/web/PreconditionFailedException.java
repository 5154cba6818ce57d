package org.palimpsest.api.web;

import org.jspecify.annotations.Nullable;

/**
 * A precondition of the request was false (412, RFC 9110 §15.5.13): nothing was done. {@link #header()} names the
 * field at fault ({@code If-Match} or {@code If-None-Match}); {@link #current()} is the entity tag the resource has
 * now, sent back as {@code ETag} so the client can reload and retry, or null when it has none the caller may see.
 */
public class PreconditionFailedException extends RuntimeException {

    private final String header;
    private final @Nullable EntityTag current;

    public PreconditionFailedException(String header, @Nullable EntityTag current, String message) {
        super(message);
        this.header = header;
        this.current = current;
    }

    public String header() {
        return header;
    }

    public @Nullable EntityTag current() {
        return current;
    }
}
