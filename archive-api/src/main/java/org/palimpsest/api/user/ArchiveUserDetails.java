package org.palimpsest.api.user;

import java.util.List;
import org.palimpsest.archive.projection.user.FindUser;
import org.palimpsest.archive.projection.user.UserAccount;
import org.palimpsest.archive.projection.user.UserProjection;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Sign-in: the hash from {@link Credentials}, the roles from the user directory (as the events left them). */
@Component
public class ArchiveUserDetails implements UserDetailsService {

    private final Credentials credentials;
    private final UserProjection directory;

    ArchiveUserDetails(Credentials credentials, UserProjection directory) {
        this.credentials = credentials;
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        String hash = credentials.hash(name).orElseThrow(() -> new UsernameNotFoundException("no credentials"));
        List<SimpleGrantedAuthority> roles = directory.handle(new FindUser(name)).map(UserAccount::roles).orElse(List.of())
                .stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return User.withUsername(name).password(hash).authorities(roles).build();
    }
}
