package io.roster.admin.boundary;

import io.roster.protocol.control.JsonP;

import io.roster.admin.control.AdminJson;
import io.roster.admin.control.RealmDirectory;
import io.roster.admin.entity.AdminException;
import io.roster.realms.Realms;
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
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/admin/realms}. Only the default realm exists for now: it can be listed and read; creating or
 * deleting realms is refused with an explanation.
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
    public JsonObject create(String body) {
        throw AdminException.notImplemented("Realms are not available yet: everything lives in the realm \""
                + Realms.DEFAULT + "\", served at " + realms.scimBaseUrl(Realms.DEFAULT, uriInfo));
    }

    @DELETE
    @Path("{realm}")
    public JsonObject delete(@PathParam("realm") String realm) {
        realms.existing(realm);
        throw AdminException.conflict("The realm \"" + Realms.DEFAULT + "\" cannot be deleted");
    }

    private JsonObject realm(String name) {
        return AdminJson.realm(name, realms.scimBaseUrl(name, uriInfo), accounts.list(name).size());
    }
}
