package org.palimpsest.archive.user;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** A role was taken from an account. */
@Revision("1")
public record RoleRevoked(String name, Role role, String revokedBy, @Nullable String reason) {
}
