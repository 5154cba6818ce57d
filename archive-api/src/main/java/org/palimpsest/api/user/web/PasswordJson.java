package org.palimpsest.api.user.web;

import org.jspecify.annotations.Nullable;

/** A new password; left out, the archive generates one and answers it once. */
record PasswordJson(@Nullable String password) {
}
