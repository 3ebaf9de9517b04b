package io.roster.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's one authentication mechanism (container-managed, Jakarta Security). The admin API
 * ({@code /api/admin}) takes administrators by HTTP Basic; everything else, the SCIM API above all, takes service
 * accounts by their tokens. Requests to unprotected paths pass untouched.
 */
@ApplicationScoped
public class RosterAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String ADMIN_PATH = "/api/admin";

    @Inject
    ServiceAccountAuthentication serviceAccounts;

    @Inject
    AdministratorAuthentication administrators;

    @Inject
    PublicDiscovery publicDiscovery;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isAdmin(request)) {
            return administrators.authenticate(request, response, context);
        }
        if (request.getHeader("Authorization") == null && publicDiscovery.allows(request)) {
            return publicDiscovery.admit(context);
        }
        return serviceAccounts.authenticate(request, response, context);
    }

    private static boolean isAdmin(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(ADMIN_PATH) || path.startsWith(ADMIN_PATH + "/");
    }
}
