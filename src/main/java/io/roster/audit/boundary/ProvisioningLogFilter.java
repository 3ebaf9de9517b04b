package io.roster.audit.boundary;

import io.roster.audit.control.RequestRecorder;
import io.roster.audit.control.RequestRecorder.FinishedRequest;
import io.roster.realms.CurrentRealm;
import io.roster.security.entity.RequestAttributes;
import io.roster.security.entity.ServiceAccountPrincipal;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Records every SCIM request that reaches JAX-RS in the provisioning log once its response is known (requests
 * that authentication answers itself are recorded by {@link RejectedRequestRecorder}). Only the request line's
 * parts, the outcome and the User-Agent are taken; never a body or another header.
 *
 * <p>Authentication's request attributes are read as the request's properties (Jersey's servlet container answers
 * them from the servlet request): an injected {@code HttpServletRequest} would be a per-request proxy whose first
 * call costs HK2 a lookup, about 2% of a lookup's server CPU (BENCHMARKS.md).
 */
@Provider
public class ProvisioningLogFilter implements ContainerResponseFilter {

    @Context
    ServletContext servletContext;

    @Inject
    RequestRecorder recorder;

    @Inject
    CurrentRealm realm;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object principal = request.getProperty(RequestAttributes.SERVICE_ACCOUNT);
        ServiceAccountPrincipal account = principal instanceof ServiceAccountPrincipal p ? p : null;
        Object started = request.getProperty(RequestAttributes.STARTED_NANOS);
        recorder.record(new FinishedRequest(
                account == null ? realm.name() : account.realm(),
                account == null ? null : account.accountName(),
                request.getMethod(),
                pathFromServerRoot(request),
                response.getStatus() == 201 ? lastSegment(response.getLocation()) : null,
                request.getUriInfo().getQueryParameters().getFirst("filter"),
                response.getStatus(),
                scimType(response.getEntity()),
                started instanceof Long nanos ? nanos : System.nanoTime(),
                request.getHeaderString(HttpHeaders.USER_AGENT)));
    }

    /** The request's path without the context path and the query, still percent-encoded as the client sent it. */
    private String pathFromServerRoot(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String contextPath = servletContext.getContextPath();
        return path.startsWith(contextPath) ? path.substring(contextPath.length()) : path;
    }

    private static String lastSegment(URI location) {
        if (location == null || location.getPath() == null) {
            return null;
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String scimType(Object entity) {
        return entity instanceof JsonObject json && json.get("scimType") instanceof JsonString type
                ? type.getString() : null;
    }
}
