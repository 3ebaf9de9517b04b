package io.roster.security.boundary;

import io.roster.protocol.entity.ScimError;
import io.roster.protocol.entity.ScimMediaType;
import io.roster.security.control.TokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates provisioning clients by their service-account token, container-managed (Jakarta Security).
 * Accepts {@code Authorization: Bearer <token>} and Okta's "HTTP Header" mode, where the header holds the token
 * with no scheme. A token in the query string is never looked at. Failures answer 401 with a SCIM error body and
 * {@code WWW-Authenticate: Bearer realm="roster"} (RFC 7644 §2, RFC 6750 §3).
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(TokenAuthenticationMechanism.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return context.isProtected()
                    ? unauthorized(response, "Authentication required: send the service account's token as "
                            + "\"Authorization: Bearer <token>\"")
                    : context.doNothing();
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(new TokenCredential(token(header)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot check a token: the database does not answer ({0})", e.toString());
            return send(response, 503, "Retry-After", "5",
                    "Roster cannot reach its database right now; try again in a few seconds");
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(response, "The token is not valid: it is unknown, revoked or expired");
        }
        return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
    }

    private static String token(String header) {
        String value = header.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).trim();
        }
        return value;
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
        return send(response, 401, "WWW-Authenticate", "Bearer realm=\"roster\"", detail);
    }

    private static AuthenticationStatus send(HttpServletResponse response, int status, String header, String value,
            String detail) {
        try {
            byte[] body = ScimError.body(status, null, detail).toString().getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.setHeader(header, value);
            response.setContentType(ScimMediaType.SCIM_JSON_UTF8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
