package io.roster.entitlements.boundary;

import io.roster.entitlements.control.Catalog;
import io.roster.entitlements.entity.CatalogEntry;
import io.roster.entitlements.entity.OktaSchemas;
import io.roster.protocol.control.JsonP;
import io.roster.protocol.entity.ListResponse;
import io.roster.protocol.entity.Page;
import io.roster.protocol.entity.ScimException;
import io.roster.realms.CurrentRealm;
import io.roster.security.entity.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The realm's roles at {@code /Roles} and its entitlements at {@code /Entitlements/{type}}, read-only and paged
 * like any list (Okta Identity Governance reads them after discovering their resource types; its test asks for
 * {@code ?count=1&startIndex=1} and expects exactly one). They are managed through the admin API.
 */
@Path("")
@RequestScoped
@Produces({"application/scim+json", "application/json"})
@RolesAllowed({Scopes.READ, Scopes.WRITE})
public class CatalogResource {

    @Inject
    Catalog catalog;

    @Inject
    CurrentRealm realm;

    @Inject
    @ConfigProperty(name = "roster.scim.max-results", defaultValue = "1000")
    int maxResults;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("Roles")
    public JsonObject roles(@QueryParam("startIndex") String startIndex, @QueryParam("count") String count,
            @QueryParam("filter") String filter) {
        refuseFilter(filter, "/Roles");
        return page(catalog.roles(realm.name()), Page.of(startIndex, count, maxResults));
    }

    @GET
    @Path("Roles/{id}")
    public JsonObject role(@PathParam("id") String id) {
        return catalog.role(realm.name(), id).map(this::resource)
                .orElseThrow(() -> ScimException.notFound("No role '" + id + "'"));
    }

    @GET
    @Path(OktaSchemas.ENTITLEMENTS_PATH + "/{type}")
    public JsonObject entitlements(@PathParam("type") String type, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("filter") String filter) {
        refuseFilter(filter, "/" + OktaSchemas.ENTITLEMENTS_PATH + "/" + type);
        List<CatalogEntry> entitlements = catalog.entitlements(realm.name(), type);
        if (entitlements.isEmpty()) {
            throw ScimException.notFound("No entitlements of type '" + type + "'");
        }
        return page(entitlements, Page.of(startIndex, count, maxResults));
    }

    @GET
    @Path(OktaSchemas.ENTITLEMENTS_PATH + "/{type}/{id}")
    public JsonObject entitlement(@PathParam("type") String type, @PathParam("id") String id) {
        return catalog.entitlements(realm.name(), type).stream().filter(e -> e.id().equals(id)).findFirst()
                .map(this::resource)
                .orElseThrow(() -> ScimException.notFound("No entitlement '" + id + "' of type '" + type + "'"));
    }

    private JsonObject page(List<CatalogEntry> entries, Page page) {
        JsonArrayBuilder resources = JsonP.createArrayBuilder();
        entries.stream().skip(page.offset()).limit(page.count()).forEach(e -> resources.add(resource(e)));
        return ListResponse.of(entries.size(), page.startIndex(), resources.build());
    }

    private JsonObject resource(CatalogEntry entry) {
        boolean role = entry.type() == null;
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("schemas", JsonP.createArrayBuilder().add(role ? OktaSchemas.ROLE : OktaSchemas.ENTITLEMENT))
                .add("id", entry.id())
                .add("displayName", entry.displayName());
        if (!role) {
            json.add("type", entry.type());
        }
        if (entry.description() != null) {
            json.add("description", entry.description());
        }
        String location = role
                ? uriInfo.getBaseUriBuilder().path("Roles").path(entry.id()).build().toString()
                : uriInfo.getBaseUriBuilder().path(OktaSchemas.ENTITLEMENTS_PATH).path(entry.type()).path(entry.id())
                        .build().toString();
        return json.add("meta", JsonP.createObjectBuilder().add("resourceType", role ? "Role" : entry.type())
                .add("location", location)).build();
    }

    private static void refuseFilter(String filter, String endpoint) {
        if (filter != null && !filter.isBlank()) {
            throw ScimException.invalidFilter(endpoint + " lists every value and cannot be filtered");
        }
    }
}
