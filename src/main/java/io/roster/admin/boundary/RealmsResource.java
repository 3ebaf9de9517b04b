package io.roster.admin.boundary;

import io.roster.protocol.control.JsonP;

import io.roster.admin.control.AdminJson;
import io.roster.admin.control.RealmDirectory;
import io.roster.security.control.ServiceAccounts;
import io.roster.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.logging.Logger;

/**
 * {@code /api/admin/realms}: each realm is an isolated directory with its own SCIM root
 * ({@code /realms/{realm}/scim/v2}; the default realm's is {@code /scim/v2}). Deleting a realm stops serving it at
 * once and purges its data in the background.
 */
@Path("realms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RealmsResource {

    @Inject
    RealmDirectory realms;

    @Inject
    ServiceAccounts accounts;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext caller;

    private static final Logger LOG = Logger.getLogger(RealmsResource.class.getName());

    @GET
    public JsonObject list() {
        JsonArrayBuilder list = JsonP.createArrayBuilder();
        realms.names().forEach(name -> list.add(realm(name)));
        return JsonP.createObjectBuilder().add("realms", list).build();
    }

    @GET
    @Path("{realm}")
    public JsonObject get(@PathParam("realm") String realm) {
        return realm(realms.existing(realm));
    }

    @POST
    public Response create(String body) {
        String name = realms.create(AdminJson.object(body, true));
        LOG.info("event=realm-created realm=" + name + " by=" + caller.getUserPrincipal().getName());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(name).build()).entity(realm(name)).build();
    }

    @DELETE
    @Path("{realm}")
    public Response delete(@PathParam("realm") String realm) {
        realms.delete(realm);
        LOG.info("event=realm-deleted realm=" + realm + " by=" + caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    private JsonObject realm(String name) {
        return AdminJson.realm(name, realms.scimBaseUrl(name, uriInfo), accounts.list(name).size());
    }
}
