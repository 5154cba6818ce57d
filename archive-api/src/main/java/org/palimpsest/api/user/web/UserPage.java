package org.palimpsest.api.user.web;

import java.util.List;

/** The account list in the API's list shape; one page, since accounts are few. */
record UserPage(List<UserAnswer> items, int page, int size, long total) {

    static UserPage of(List<UserAnswer> items) {
        return new UserPage(items, 0, items.size(), items.size());
    }
}
