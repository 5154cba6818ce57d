package org.palimpsest.api.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before HTTP Basic sign-in: a request whose account and client are being throttled is answered 429 with
 * {@code Retry-After} before its password is even checked, so guessing on costs the guesser time, not the archive.
 */
public final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final BasicAuthenticationConverter CONVERTER = new BasicAuthenticationConverter();

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    public LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = basicAccount(request);
        if (account != null) {
            Optional<Duration> wait = throttle.admit(account, request.getRemoteAddr());
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                        "Too many wrong passwords from this client; try again in " + seconds + " seconds.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The account the HTTP Basic filter will try, read by the same converter it uses, so that no spelling of the
     * header reaches the password check without passing here; null when there is none or it is malformed.
     */
    static @Nullable String basicAccount(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken token = CONVERTER.convert(request);
            return token == null ? null : token.getName();
        } catch (AuthenticationException malformed) {
            return null;
        }
    }
}
