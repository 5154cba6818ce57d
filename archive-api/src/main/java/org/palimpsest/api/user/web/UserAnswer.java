package org.palimpsest.api.user.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.user.NewPassword;
import org.palimpsest.archive.projection.user.UserAccount;
import org.palimpsest.archive.user.Role;

/**
 * An account as the API shows it. {@code password} appears only in the answer that generated it, and only then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UserAnswer(String name, List<String> roles, @Nullable Instant addedAt, @Nullable String addedBy,
                  @Nullable Instant passwordChangedAt, @Nullable String password) {

    static UserAnswer of(UserAccount account) {
        return new UserAnswer(account.name(), account.roles().stream().map(Role::label).toList(), account.addedAt(),
                account.addedBy(), account.passwordChangedAt(), null);
    }

    UserAnswer withPassword(NewPassword password) {
        return password.generated()
                ? new UserAnswer(name, roles, addedAt, addedBy, passwordChangedAt, password.value()) : this;
    }
}
