package io.roster.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin console's sign-in: an HTTP session (cookie {@code ROSTER_CONSOLE}, HttpOnly, SameSite=Strict, path
 * {@code /api/admin}; see web.xml) that holds the administrator a name and password were checked for. It ends
 * after {@code roster.admin.session-minutes} without a request, {@value #MAX_HOURS} hours after sign-in at the
 * latest, at sign-out, and when the instance stops (sessions live in its memory).
 *
 * <p>Cross-site request forgery: a request that changes something and is authenticated by the session alone must
 * carry the header {@value #HEADER}{@code : 1}. A browser sends a custom header cross-origin only after a CORS
 * preflight, which Roster never grants, so a foreign page cannot make one; the SameSite cookie is a second line.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String HEADER = "X-Roster-Console";
    static final String ATTRIBUTE = "io.roster.console.administrator";
    static final int MAX_HOURS = 12;

    @Inject
    @ConfigProperty(name = "roster.admin.session-minutes", defaultValue = "30")
    int idleMinutes;

    /** Who signed in, with the groups (roles) the identity store gave them, and when. */
    public record Administrator(String name, Set<String> groups, Instant signedInAt) implements Serializable {
    }

    /** A new session for a caller whose credentials are valid; any previous session is ended (no fixation). */
    public Administrator signIn(HttpServletRequest request, CredentialValidationResult valid) {
        signOut(request);
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(idleMinutes() * 60);
        Administrator administrator = new Administrator(valid.getCallerPrincipal().getName(),
                Set.copyOf(valid.getCallerGroups()), Instant.now());
        session.setAttribute(ATTRIBUTE, administrator);
        return administrator;
    }

    /** The administrator of the request's session, if it has a live one. */
    public Optional<Administrator> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object value;
        try {
            value = session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
        if (!(value instanceof Administrator administrator)) {
            return Optional.empty();
        }
        if (administrator.signedInAt().plus(Duration.ofHours(MAX_HOURS)).isBefore(Instant.now())) {
            signOut(request);
            return Optional.empty();
        }
        return Optional.of(administrator);
    }

    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing to end
            }
        }
    }

    public int idleMinutes() {
        return Math.max(1, idleMinutes);
    }

    /** Whether the request carries the console's anti-forgery header. */
    public static boolean fromConsole(HttpServletRequest request) {
        return "1".equals(request.getHeader(HEADER));
    }

    /** Whether a request with this method may change something (everything but GET, HEAD and OPTIONS). */
    public static boolean changes(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }
}
