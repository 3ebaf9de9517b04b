package io.roster.protocol.boundary;

import io.roster.protocol.entity.ScimException;
import io.roster.protocol.entity.ScimMediaType;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every SCIM response with a body is application/scim+json; charset=utf-8 (RFC 7644 §3.1, §8.1). An OPTIONS request
 * is answered by its {@code Allow} header alone (Jersey would repeat it as a text body). Requests that announce a
 * body over the size limit are refused with 413 before anything is read.
 */
@Provider
@PreMatching
public class ScimResponseFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    @ConfigProperty(name = "roster.request.max-bytes", defaultValue = "16777216")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    throw ScimException.payloadTooLarge("The request body is larger than the limit of " + maxBytes
                            + " bytes (roster.request.max-bytes)");
                }
            } catch (NumberFormatException ignored) {
                // the container rejects a malformed Content-Length itself
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() == 200) {
            response.setEntity(null);
            response.setStatus(204);
        }
        if (response.hasEntity()) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ScimMediaType.SCIM_JSON_UTF8);
        }
    }
}
