package org.palimpsest.api.user.web;

import java.net.URI;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.user.DemoAccounts;
import org.palimpsest.api.user.Accounts;
import org.palimpsest.api.user.NewPassword;
import org.palimpsest.api.web.BadRequestException;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.archive.user.InvalidUserException;
import org.palimpsest.archive.user.Role;
import org.palimpsest.archive.user.UserExistsException;
import org.palimpsest.archive.user.UserRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts over HTTP. Administrators list and add accounts, grant and revoke roles and set passwords; every signed-in
 * account sets its own password. Each change is an event with the caller as actor, so it shows in
 * {@code /api/audit/events}; passwords and hashes never do.
 */
@RestController
class UserController {

    private final Accounts accounts;

    UserController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code {"items", "page", "size", "total"}}: every account by name (one page: accounts are few). */
    @GetMapping("/api/admin/users")
    UserPage list() {
        return UserPage.of(accounts.list().stream().map(UserAnswer::of).toList());
    }

    @GetMapping("/api/admin/users/{name}")
    UserAnswer one(@PathVariable String name) {
        return UserAnswer.of(accounts.find(name).orElseThrow(() -> new NotFoundException("no account named '" + name + "'")));
    }

    /** 201 with {@code Location}; the answer carries the password only when the archive generated it. */
    @PostMapping("/api/admin/users")
    ResponseEntity<UserAnswer> add(@RequestBody NewUserJson body, Principal caller) {
        if (body.name() == null || body.name().isBlank()) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "name", "name is required");
        }
        String name = body.name().strip();
        Set<Role> roles = roles(body.roles());
        NewPassword password = translate(() -> accounts.add(name, roles, body.password(), caller.getName()));
        return ResponseEntity.created(URI.create("/api/admin/users/" + name)).body(one(name).withPassword(password));
    }

    @PutMapping("/api/admin/users/{name}/roles/{role}")
    UserAnswer grant(@PathVariable String name, @PathVariable String role,
                     @RequestBody(required = false) @Nullable ReasonJson body, Principal caller) {
        Role granted = role(role);
        translate(() -> accounts.grant(name, granted, caller.getName(), body == null ? null : body.reason()));
        return one(name);
    }

    @DeleteMapping("/api/admin/users/{name}/roles/{role}")
    UserAnswer revoke(@PathVariable String name, @PathVariable String role,
                      @RequestBody(required = false) @Nullable ReasonJson body, Principal caller) {
        Role revoked = role(role);
        translate(() -> accounts.revoke(name, revoked, caller.getName(), body == null ? null : body.reason()));
        return one(name);
    }

    /** An administrator sets anyone's password; left out, one is generated and answered once. */
    @PutMapping("/api/admin/users/{name}/password")
    UserAnswer setPassword(@PathVariable String name, @RequestBody(required = false) @Nullable PasswordJson body,
                           Principal caller) {
        NewPassword password = translate(() -> accounts.changePassword(name, body == null ? null : body.password(), caller.getName()));
        return one(name).withPassword(password);
    }

    /** The signed-in account sets its own password (a generated first password should not stay). */
    @PutMapping("/api/account/password")
    UserAnswer ownPassword(@RequestBody(required = false) @Nullable PasswordJson body, Authentication caller) {
        String name = caller.getName();
        if (caller.getAuthorities().contains(DemoAccounts.MARKER) || accounts.find(name).isEmpty()) {
            throw new BadRequestException(HttpStatus.CONFLICT, null,
                    "'" + name + "' is a demo account; it has no password of its own to change");
        }
        NewPassword password = translate(() -> accounts.changePassword(name, body == null ? null : body.password(), name));
        return one(name).withPassword(password);
    }

    private static Set<Role> roles(@Nullable List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "roles", "roles is required: one or more of " + Role.labels());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(role(name)));
        return roles;
    }

    private static Role role(String name) {
        try {
            return Role.parse(name);
        } catch (InvalidUserException e) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "role", e.getMessage());
        }
    }

    private static <T> T translate(Supplier<T> change) {
        try {
            return change.get();
        } catch (InvalidUserException e) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
        } catch (UserExistsException e) {
            throw new BadRequestException(HttpStatus.CONFLICT, "name", e.getMessage());
        } catch (UserRuleException e) {
            throw new BadRequestException(HttpStatus.CONFLICT, "role", e.getMessage());
        }
    }
}
