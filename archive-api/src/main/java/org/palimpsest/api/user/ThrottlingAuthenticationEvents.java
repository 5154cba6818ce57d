package org.palimpsest.api.user;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Tells the {@link LoginThrottle} of each sign-in's outcome, with the client the HTTP Basic filter recorded. */
public final class ThrottlingAuthenticationEvents implements AuthenticationEventPublisher {

    private final LoginThrottle throttle;

    public ThrottlingAuthenticationEvents(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            throttle.succeeded(authentication.getName(), details.getRemoteAddress());
        }
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        // Only a wrong name or password counts; a store that is down is not the client's guess.
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            if (exception instanceof BadCredentialsException) {
                throttle.failed(authentication.getName(), details.getRemoteAddress());
            } else {
                throttle.released(authentication.getName(), details.getRemoteAddress());
            }
        }
    }
}
