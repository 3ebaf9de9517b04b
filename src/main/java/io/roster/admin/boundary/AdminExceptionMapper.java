package io.roster.admin.boundary;

import io.roster.admin.control.AdminJson;
import io.roster.admin.entity.AdminException;
import io.roster.protocol.control.DatabaseUnavailable;
import io.roster.protocol.control.UniqueViolation;
import io.roster.protocol.entity.ScimException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the admin API as {@code {"error": "...", "status": n}}: the API's own errors, Jersey's
 * (unknown path, wrong method or media type), unique-constraint races (409), and anything unexpected as a 500
 * that names only an incident id. Registered by {@link AdminApplication} only, never for the SCIM API.
 */
public class AdminExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(AdminExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AdminException admin) {
                return AdminJson.error(admin.status(), admin.getMessage());
            }
            if (cause instanceof ScimException scim) {
                return AdminJson.error(scim.status(), scim.detail());
            }
        }
        if (e instanceof WebApplicationException web) {
            return fromJersey(web);
        }
        if (UniqueViolation.in(e)) {
            return AdminJson.error(409, "Another request created the same name at the same time; it exists now");
        }
        if (DatabaseUnavailable.in(e)) {
            LOG.log(Level.WARNING, "The database cannot be reached; admin request answered 503 ({0})", e.toString());
            return Response.fromResponse(AdminJson.error(503, "Roster cannot reach its database right now; "
                    + "nothing was changed, try again in a few seconds")).header("Retry-After", "5").build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure in the admin API, incident " + incident, e);
        return AdminJson.error(500, "Roster could not complete the request (incident " + incident
                + "); the server log has the details");
    }

    private Response fromJersey(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String path = "/api/admin/" + uriInfo.getPath();
        String message = switch (status) {
            case 404 -> "No admin resource at " + path;
            case 405 -> "Method " + request.getMethod() + " is not allowed on " + path;
            case 406 -> "The admin API answers with application/json";
            case 415 -> "Send the body as application/json";
            case 403 -> "Only administrators may use the admin API";
            default -> "The request failed with HTTP status " + status;
        };
        Response.ResponseBuilder response = Response.fromResponse(AdminJson.error(status, message));
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            response.header("Allow", allow);
        }
        return response.build();
    }
}
