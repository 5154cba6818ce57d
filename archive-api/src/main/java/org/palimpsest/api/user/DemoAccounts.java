package org.palimpsest.api.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.user.Role;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Demo mode only ({@code --demo}): one account per role, named after it, whose password is its name. They exist
 * in memory for as long as the flag is on and never in the archive, so turning the flag off leaves no way in.
 * A wrong demo password falls through to the archive's own accounts (returns null), so the real {@code admin}
 * still signs in with its own password.
 */
public final class DemoAccounts implements AuthenticationProvider {

    /** Carried by every demo sign-in, so that a demo caller is never taken for a real account of the same name. */
    public static final SimpleGrantedAuthority MARKER = new SimpleGrantedAuthority("PALIMPSEST_DEMO");

    public static final List<String> NAMES = Arrays.stream(Role.values()).map(Role::label).toList();

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (!NAMES.contains(name) || credentials == null
                || !MessageDigest.isEqual(name.getBytes(StandardCharsets.UTF_8), credentials.toString().getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        UserDetails demo = User.withUsername(name).password("")
                .authorities(new SimpleGrantedAuthority("ROLE_" + Role.parse(name).name()), MARKER).build();
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(demo, null, demo.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
