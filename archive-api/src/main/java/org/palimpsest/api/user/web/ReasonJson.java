package org.palimpsest.api.user.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.palimpsest.archive.input.InputLimits;
import org.jspecify.annotations.Nullable;

/** Why a role is granted or revoked; it shows in the audit stream. */
record ReasonJson(@Schema(maxLength = InputLimits.REASON) @Nullable String reason) {
}
