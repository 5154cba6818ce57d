package org.palimpsest.api.user.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/admin/users}: a name, its roles, and a password (generated and answered once when left out). */
record NewUserJson(@Nullable String name, @Nullable List<String> roles, @Nullable String password) {
}
