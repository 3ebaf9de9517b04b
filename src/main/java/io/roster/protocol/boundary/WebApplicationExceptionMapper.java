package io.roster.protocol.boundary;

import io.roster.protocol.entity.ScimException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Gives the errors that Jersey itself produces (unknown path, wrong method, media types) a SCIM error body. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e.getCause() instanceof ScimException scim) {
            return ErrorResponses.of(scim.status(), scim.scimType(), scim.detail());
        }
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder response = Response.fromResponse(
                ErrorResponses.of(status, null, detail(status)));
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            response.header("Allow", allow);
        }
        return response.build();
    }

    private String detail(int status) {
        String path = "/" + uriInfo.getPath();
        return switch (status) {
            case 404 -> "No resource at " + path;
            case 405 -> "Method " + request.getMethod() + " is not allowed on " + path;
            case 406 -> "Roster answers only with application/scim+json (or application/json); "
                    + "check the Accept header";
            case 415 -> "Send the body as application/scim+json or application/json";
            case 401 -> "Authentication required: send Authorization: Bearer <token>";
            case 403 -> "The service account is not allowed to do this";
            default -> "The request failed with HTTP status " + status;
        };
    }
}
