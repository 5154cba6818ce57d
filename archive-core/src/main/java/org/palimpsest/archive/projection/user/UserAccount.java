package org.palimpsest.archive.projection.user;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.user.Role;

/**
 * One account as the directory knows it.
 *
 * @param passwordChangedAt when its password was last set anew, null if only at creation
 */
public record UserAccount(String name, List<Role> roles, Instant addedAt, String addedBy,
                          @Nullable Instant passwordChangedAt) {
}
