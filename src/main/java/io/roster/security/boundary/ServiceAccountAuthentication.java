package io.roster.security.boundary;

import io.roster.realms.RealmPaths;
import io.roster.realms.Realms;
import io.roster.security.control.AuthorizationHeader;
import io.roster.security.control.FailedLogins;
import io.roster.security.control.RateLimiter;
import io.roster.security.control.ServerRealm;
import io.roster.security.control.TokenCredential;
import io.roster.security.entity.RejectedRequest;
import io.roster.security.entity.AdministratorPrincipal;
import io.roster.security.entity.RequestAttributes;
import io.roster.security.entity.ServiceAccountPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SCIM clients: {@code Authorization: Bearer <token>}, the token alone (Okta's "HTTP Header" mode), or HTTP Basic
 * with the service account's name and one of its tokens (Okta's "Basic Auth" mode). HTTP Basic also takes a user of
 * the server's security realm in the SCIM group ({@link ServerRealm}), who may read and write the default realm
 * and is logged under the realm user's name; a realm user outside the group gets 403. A token in the query string
 * is never looked at. Failures are 401 with a SCIM error body and {@code WWW-Authenticate: Bearer realm="roster"}
 * (RFC 7644 §2, RFC 6750 §3); a token over its rate limit gets 429 with {@code Retry-After}.
 */
@ApplicationScoped
class ServiceAccountAuthentication {

    private static final Logger LOG = Logger.getLogger(ServiceAccountAuthentication.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    FailedLogins failedLogins;

    @Inject
    Event<RejectedRequest> rejected;

    @Inject
    ServerRealm serverRealm;

    AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        request.setAttribute(RequestAttributes.STARTED_NANOS, System.nanoTime());
        var header = AuthorizationHeader.parse(request.getHeader("Authorization"));
        if (header.isEmpty()) {
            return unauthorized(request, response, "no credentials", "Authentication required: send the service "
                    + "account's token as \"Authorization: Bearer <token>\"");
        }
        String scimRealm = realmOf(request);
        TokenCredential credential = credential(scimRealm, header.get());
        if (credential == null) {
            return unauthorized(request, response, "malformed Authorization header", "The Authorization header "
                    + "cannot be read: send \"Bearer <token>\" or Basic with the account's name and a token");
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(credential);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot check a token: the database does not answer ({0})", e.toString());
            reject(request, 503, null);
            return Replies.scim(response, 503, "Roster cannot reach its database right now; try again in a few "
                    + "seconds", Map.of("Retry-After", "5"));
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof ServiceAccountPrincipal account) {
            return admit(request, response, context, account, result.getCallerGroups());
        }
        if (header.get() instanceof AuthorizationHeader.Basic basic && serverRealm.enabled()
                && Realms.DEFAULT.equals(scimRealm)) {
            return authenticateRealmUser(request, response, context, basic);
        }
        return unauthorized(request, response, "token unknown, revoked, expired or not the named account's",
                "The token is not valid: it is unknown, revoked or expired");
    }

    /** HTTP Basic that is no token of the named account: perhaps a user of the server's realm. */
    private AuthenticationStatus authenticateRealmUser(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, AuthorizationHeader.Basic basic) {
        CredentialValidationResult user;
        try {
            user = identityStores.validate(new UsernamePasswordCredential(basic.name(), basic.secret()));
        } catch (RuntimeException e) {
            user = CredentialValidationResult.INVALID_RESULT;
        }
        if (user.getStatus() != CredentialValidationResult.Status.VALID
                || user.getCallerPrincipal() instanceof AdministratorPrincipal) {
            return unauthorized(request, response, "neither a token of the named account nor a realm user",
                    "The token is not valid: it is unknown, revoked or expired");
        }
        String name = user.getCallerPrincipal().getName();
        // logged and rate-limited like an account of the default realm named after the realm user
        var principal = new ServiceAccountPrincipal(Realms.DEFAULT, name, "server-realm:" + name, null);
        Set<String> roles = serverRealm.scimRoles(user.getCallerGroups());
        if (roles.isEmpty()) {
            reject(request, 403, principal);
            return Replies.scim(response, 403, "The user " + name + " is not in the group " + serverRealm.scimGroup()
                    + " that SCIM requests need", Map.of());
        }
        return admit(request, response, context, principal, roles);
    }

    /** An authenticated caller: within its rate limit it is logged in with the given roles. */
    private AuthenticationStatus admit(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, ServiceAccountPrincipal principal, Set<String> roles) {
        long retryAfter = rateLimiter.acquire(principal.tokenId(), principal.rateLimit().orElse(null));
        if (retryAfter > 0) {
            reject(request, 429, principal);
            return Replies.scim(response, 429, "Too many requests with this token; retry after " + retryAfter
                    + " second" + (retryAfter == 1 ? "" : "s"), Map.of("Retry-After", String.valueOf(retryAfter)));
        }
        request.setAttribute(RequestAttributes.SERVICE_ACCOUNT, principal);
        return context.notifyContainerAboutLogin(principal, roles);
    }

    private static TokenCredential credential(String realm, AuthorizationHeader header) {
        if (header instanceof AuthorizationHeader.Token token) {
            return new TokenCredential(realm, token.token());
        }
        if (header instanceof AuthorizationHeader.Basic basic) {
            return new TokenCredential(realm, basic.secret(), basic.name());
        }
        return null;
    }

    /** The realm of the SCIM root the request was sent to; a malformed realm name matches no account's. */
    private static String realmOf(HttpServletRequest request) {
        return RealmPaths.realmOf(request.getRequestURI().substring(request.getContextPath().length())).orElse("");
    }

    private AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
            String reason, String detail) {
        if (request.getHeader("Authorization") != null) {
            failedLogins.record(request.getRemoteAddr(), "scim", request.getRequestURI(), reason);
        }
        reject(request, 401, null);
        return Replies.scim(response, 401, detail, Map.of("WWW-Authenticate", Replies.SCIM_CHALLENGE));
    }

    /** A rejected request is logged under the realm of its URL, or the default realm if that names none. */
    private static String loggedRealm(HttpServletRequest request) {
        String realm = realmOf(request);
        return realm.isEmpty() ? Realms.DEFAULT : realm;
    }

    private void reject(HttpServletRequest request, int status, ServiceAccountPrincipal principal) {
        try {
            rejected.fire(principal == null
                    ? new RejectedRequest(request, status, loggedRealm(request), null)
                    : new RejectedRequest(request, status, principal.realm(), principal.accountName()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A rejected request could not be recorded", e);
        }
    }
}
