package io.roster.security.boundary;

import io.roster.protocol.entity.ScimError;
import io.roster.protocol.entity.ScimException;
import io.roster.protocol.entity.ScimMediaType;
import io.roster.security.entity.Scopes;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks the caller's scopes against the {@code @RolesAllowed} of the matched SCIM resource method before it
 * runs, so that a read-only account writing gets 403 with a SCIM error body naming the missing scope and
 * {@code WWW-Authenticate: Bearer error="insufficient_scope"} (RFC 6750 §3.1). A resource that requires no SCIM
 * scope at all does not belong to the SCIM API and is answered 404. It runs before Jersey's own
 * {@code @RolesAllowed} check, whose bare 403 names no scope.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class ScopeCheck implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        RolesAllowed allowed = rolesAllowed();
        if (allowed == null) {
            return;
        }
        List<String> scimRoles = Arrays.stream(allowed.value()).filter(Scopes::isScimRole).toList();
        if (scimRoles.isEmpty()) {
            throw ScimException.notFound("No resource at /" + request.getUriInfo().getPath());
        }
        if (scimRoles.stream().noneMatch(request.getSecurityContext()::isUserInRole)) {
            String needed = scimRoles.stream().map(Scopes::scope).collect(Collectors.joining(" or "));
            String detail = "The service account lacks the scope " + needed + " that " + request.getMethod()
                    + " /" + request.getUriInfo().getPath() + " needs";
            request.abortWith(Response.status(403)
                    .type(ScimMediaType.SCIM_JSON_TYPE)
                    .header("WWW-Authenticate", "Bearer realm=\"roster\", error=\"insufficient_scope\", scope=\""
                            + String.join(" ", scimRoles.stream().map(Scopes::scope).toList()) + "\"")
                    .entity(ScimError.body(403, null, detail))
                    .build());
        }
    }

    private RolesAllowed rolesAllowed() {
        if (resource.getResourceMethod() == null) {
            return null;
        }
        RolesAllowed onMethod = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
}
