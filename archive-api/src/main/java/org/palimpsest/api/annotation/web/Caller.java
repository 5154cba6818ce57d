package org.palimpsest.api.annotation.web;

import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, as far as annotations care: their account name (null when anonymous), whether they may moderate
 * (editors, and admins above them), and whether they audit (history of hidden and deleted annotations).
 */
record Caller(@Nullable String name, boolean moderator, boolean auditor) {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    static Caller current(RoleHierarchy roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || TRUST.isAnonymous(authentication) || !authentication.isAuthenticated()) {
            return new Caller(null, false, false);
        }
        Collection<? extends GrantedAuthority> reachable =
                roles.getReachableGrantedAuthorities(authentication.getAuthorities());
        return new Caller(authentication.getName(), has(reachable, "ROLE_EDITOR"), has(reachable, "ROLE_AUDITOR"));
    }

    private static boolean has(Collection<? extends GrantedAuthority> authorities, String role) {
        return authorities.stream().anyMatch(a -> role.equals(a.getAuthority()));
    }

    /** The account name of a caller the security chain has already required to be signed in. */
    String account() {
        if (name == null) {
            throw new BadRequestException(HttpStatus.UNAUTHORIZED, null, "sign in to change annotations");
        }
        return name;
    }

    boolean created(String creator) {
        return creator.equals(name);
    }
}
