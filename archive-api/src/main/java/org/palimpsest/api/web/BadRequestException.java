package org.palimpsest.api.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A request the API refuses before any command is sent, naming the parameter at fault when there is one. */
public class BadRequestException extends RuntimeException {

    private final HttpStatus status;
    private final @Nullable String parameter;

    public BadRequestException(HttpStatus status, @Nullable String parameter, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    public HttpStatus status() {
        return status;
    }

    public @Nullable String parameter() {
        return parameter;
    }
}
