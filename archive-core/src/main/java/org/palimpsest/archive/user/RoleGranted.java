package org.palimpsest.archive.user;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** An account was given a role. */
@Revision("1")
public record RoleGranted(String name, Role role, String grantedBy, @Nullable String reason) {
}
