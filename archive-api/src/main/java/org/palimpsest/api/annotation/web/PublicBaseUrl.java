package org.palimpsest.api.annotation.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The base of the IRIs annotations and documents have in JSON-LD: {@code palimpsest.base-url} when set (behind a
 * proxy, or so IRIs stay the same whatever host name a client used), else the scheme, host and context path of the
 * request being answered.
 */
@Component
class PublicBaseUrl {

    private static final String OUTSIDE_A_REQUEST = "http://localhost";

    private final String configured;

    PublicBaseUrl(@Value("${palimpsest.base-url:}") String configured) {
        this.configured = configured.strip();
    }

    String get() {
        String base = configured;
        if (base.isEmpty()) {
            try {
                base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            } catch (IllegalStateException noRequest) {
                base = OUTSIDE_A_REQUEST;
            }
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
