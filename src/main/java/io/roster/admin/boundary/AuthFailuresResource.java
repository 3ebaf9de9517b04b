package io.roster.admin.boundary;

import io.roster.protocol.control.JsonP;

import io.roster.security.control.FailedLogins;
import io.roster.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/admin/auth-failures}: failed authentication attempts per source address since this instance
 * started (SCIM and admin API together), most failures first.
 */
@Path("auth-failures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuthFailuresResource {

    @Inject
    FailedLogins failedLogins;

    @GET
    public JsonObject list() {
        JsonArrayBuilder sources = JsonP.createArrayBuilder();
        failedLogins.sources().forEach(s -> sources.add(JsonP.createObjectBuilder()
                .add("source", s.address())
                .add("failures", s.failures())
                .add("lastFailureAt", s.last().toString())));
        return JsonP.createObjectBuilder().add("total", failedLogins.total()).add("sources", sources).build();
    }
}
