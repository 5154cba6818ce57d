package org.palimpsest.api.user.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.input.InputLimits;

/** {@code POST /api/admin/users}: a name, its roles, and a password (generated and answered once when left out). */
record NewUserJson(@Schema(maxLength = InputLimits.ACCOUNT_NAME) @Nullable String name,
                   @Nullable List<String> roles,
                   @Nullable String password) {
}
