package org.palimpsest.archive.user;

import java.util.List;
import org.axonframework.serialization.Revision;

/** An account was added with these roles. */
@Revision("1")
public record UserAdded(String name, List<Role> roles, String addedBy) {
}
