package org.palimpsest.api.web;

import org.springframework.http.HttpStatus;

/**
 * The one rule for {@code page} and {@code size} on every list: pages count from 0, a size is 1 to the list's
 * maximum. A refusal names the parameter at fault, which a combined message ("page must be 0 or more and size …")
 * did not.
 */
public final class Paging {

    private Paging() {
    }

    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "page", "page must be 0 or more; pages count from 0");
        }
        if (size < 1 || size > maxSize) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "size", "size must be between 1 and " + maxSize);
        }
    }
}
