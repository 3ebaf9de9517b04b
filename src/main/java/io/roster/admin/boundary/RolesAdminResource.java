package io.roster.admin.boundary;

import io.roster.admin.control.AdminJson;
import io.roster.admin.control.CatalogInput;
import io.roster.admin.control.RealmDirectory;
import io.roster.admin.entity.AdminException;
import io.roster.entitlements.control.Catalog;
import io.roster.entitlements.control.RoleCache;
import io.roster.entitlements.entity.CatalogEntry;
import io.roster.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A realm's role catalog, {@code /api/admin/realms/{realm}/roles/{id}}: the roles SCIM clients may assign (once
 * there is one), what {@code /Roles} lists, and the default role of users created without one.
 */
@Path("realms/{realm}/roles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RolesAdminResource {

    @Inject
    Catalog catalog;

    @Inject
    RoleCache roleCache;

    @Inject
    RealmDirectory realms;

    @PathParam("realm")
    String realm;

    @GET
    public JsonObject roles() {
        return AdminJson.catalog("roles", catalog.roles(realms.existing(realm)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public JsonObject putRole(@PathParam("id") String id, String body) {
        CatalogEntry role = CatalogInput.role(id, AdminJson.object(body, true));
        catalog.putRole(realms.existing(realm), role);
        roleCache.forget(realm);
        return AdminJson.catalogEntry(role).build();
    }

    @DELETE
    @Path("{id}")
    public Response deleteRole(@PathParam("id") String id) {
        if (!catalog.deleteRole(realms.existing(realm), id)) {
            throw AdminException.notFound("No role \"" + id + "\" in the realm \"" + realm + "\"");
        }
        roleCache.forget(realm);
        return Response.noContent().build();
    }
}
