package org.palimpsest.archive.user;

import org.axonframework.serialization.Revision;

/** An account's password was set anew. Deliberately without the password or its hash. */
@Revision("1")
public record PasswordChanged(String name, String changedBy) {
}
