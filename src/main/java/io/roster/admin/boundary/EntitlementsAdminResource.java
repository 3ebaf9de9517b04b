package io.roster.admin.boundary;

import io.roster.admin.control.AdminJson;
import io.roster.admin.control.CatalogInput;
import io.roster.admin.control.RealmDirectory;
import io.roster.admin.entity.AdminException;
import io.roster.entitlements.control.Catalog;
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
 * A realm's entitlement catalog, {@code /api/admin/realms/{realm}/entitlements/{type}/{id}}: the entitlements
 * SCIM clients may assign (once there is one), what {@code /Entitlements/{type}} lists, and the entitlement types
 * {@code /ResourceTypes} shows to Okta Identity Governance.
 */
@Path("realms/{realm}/entitlements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class EntitlementsAdminResource {

    @Inject
    Catalog catalog;

    @Inject
    RealmDirectory realms;

    @PathParam("realm")
    String realm;

    @GET
    public JsonObject entitlements() {
        return AdminJson.catalog("entitlements", catalog.entitlements(realms.existing(realm), null));
    }

    @PUT
    @Path("{type}/{id}")
    @Consumes(MediaType.WILDCARD)
    public JsonObject putEntitlement(@PathParam("type") String type, @PathParam("id") String id, String body) {
        CatalogEntry entitlement = CatalogInput.entitlement(type, id, AdminJson.object(body, true));
        catalog.putEntitlement(realms.existing(realm), entitlement);
        return AdminJson.catalogEntry(entitlement).build();
    }

    @DELETE
    @Path("{type}/{id}")
    public Response deleteEntitlement(@PathParam("type") String type, @PathParam("id") String id) {
        if (!catalog.deleteEntitlement(realms.existing(realm), type, id)) {
            throw AdminException.notFound("No entitlement \"" + id + "\" of type \"" + type + "\" in the realm \""
                    + realm + "\"");
        }
        return Response.noContent().build();
    }
}
