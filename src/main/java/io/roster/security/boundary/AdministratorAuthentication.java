package io.roster.security.boundary;

import io.roster.security.control.AuthorizationHeader;
import io.roster.security.control.ConsoleSessions;
import io.roster.security.control.FailedLogins;
import io.roster.security.control.ServerRealm;
import io.roster.security.entity.AdministratorPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Administrators of the admin API: HTTP Basic with an administrator's name and password, Roster's own
 * ({@code admin}) or a user of the server's realm in the admin group ({@link ServerRealm}; outside that group
 * 403), or, without an {@code Authorization} header, the admin console's session ({@link ConsoleSessions}; a
 * session request that changes something without the console's header is 403). Failures are 401 with a JSON
 * error and {@code WWW-Authenticate: Basic realm="roster-admin"}, except for the console's own requests, which get
 * a challenge a browser does not answer with its password dialog. Service-account tokens are not accepted.
 */
@ApplicationScoped
class AdministratorAuthentication {

    private static final Logger LOG = Logger.getLogger(AdministratorAuthentication.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    FailedLogins failedLogins;

    @Inject
    ServerRealm realm;

    @Inject
    ConsoleSessions sessions;

    AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        var header = AuthorizationHeader.parse(request.getHeader("Authorization"));
        if (header.isEmpty()) {
            var session = sessions.current(request);
            if (session.isPresent()) {
                return fromSession(request, response, context, session.get());
            }
            return unauthorized(request, response, "no credentials",
                    "Authentication required: use HTTP Basic with an administrator's name and password");
        }
        if (!(header.get() instanceof AuthorizationHeader.Basic basic)) {
            return unauthorized(request, response, "not HTTP Basic",
                    "The admin API takes HTTP Basic with an administrator's name and password");
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(new UsernamePasswordCredential(basic.name(), basic.secret()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot check an administrator: the database does not answer ({0})",
                    e.toString());
            return Replies.admin(response, 503, "Roster cannot reach its database right now; try again in a few "
                    + "seconds", Map.of("Retry-After", "5"));
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(request, response, "wrong name or password",
                    "The administrator name or password is wrong");
        }
        if (result.getCallerPrincipal() instanceof AdministratorPrincipal) {
            return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
        }
        // a user of the server's realm
        if (!realm.enabled()) {
            return unauthorized(request, response, "server realm users not accepted",
                    "The administrator name or password is wrong");
        }
        var roles = realm.adminRoles(result.getCallerGroups());
        if (roles.isEmpty()) {
            return Replies.admin(response, 403, "The user " + result.getCallerPrincipal().getName()
                    + " is not in the group " + realm.adminGroup() + " that the admin API needs", Map.of());
        }
        return context.notifyContainerAboutLogin(result.getCallerPrincipal(), roles);
    }

    private static AuthenticationStatus fromSession(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, ConsoleSessions.Administrator administrator) {
        if (ConsoleSessions.changes(request.getMethod()) && !ConsoleSessions.fromConsole(request)) {
            return Replies.admin(response, 403, "A change made with the console's session needs the header "
                    + ConsoleSessions.HEADER + ": 1 (protection against cross-site requests); scripts use HTTP "
                    + "Basic", Map.of());
        }
        return context.notifyContainerAboutLogin(new CallerPrincipal(administrator.name()),
                administrator.groups());
    }

    private AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
            String reason, String message) {
        if (request.getHeader("Authorization") != null) {
            failedLogins.record(request.getRemoteAddr(), "admin", request.getRequestURI(), reason);
        } else if (ConsoleSessions.fromConsole(request)) {
            return Replies.admin(response, 401, "Sign in to the console; your session has ended or was never "
                    + "started", Map.of("WWW-Authenticate", Replies.CONSOLE_CHALLENGE));
        }
        return Replies.admin(response, 401, message, Map.of("WWW-Authenticate", Replies.ADMIN_CHALLENGE));
    }
}
