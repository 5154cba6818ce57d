package org.palimpsest.api.user.web;

import org.jspecify.annotations.Nullable;

/** Why a role is granted or revoked; it shows in the audit stream. */
record ReasonJson(@Nullable String reason) {
}
