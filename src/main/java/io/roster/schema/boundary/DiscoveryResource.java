package io.roster.schema.boundary;

import io.roster.entitlements.control.Catalog;
import io.roster.entitlements.entity.OktaSchemas;
import io.roster.protocol.control.JsonP;
import io.roster.realms.CurrentRealm;

import io.roster.protocol.entity.ListResponse;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.control.SchemaRegistry;
import io.roster.schema.control.SchemaRepresentation;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import io.roster.security.entity.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Service provider discovery (RFC 7644 §4): what Roster supports, which resource types it serves and their
 * schemas. Paging parameters are ignored; a {@code filter} is refused with 403 as §4 says.
 */
@Path("")
@RequestScoped
@Produces({"application/scim+json", "application/json"})
@RolesAllowed({Scopes.READ, Scopes.WRITE})
public class DiscoveryResource {

    static final List<Schema> SCHEMAS = List.of(CoreSchemas.USER_SCHEMA, CoreSchemas.GROUP_SCHEMA,
            CoreSchemas.ENTERPRISE_USER_SCHEMA, OktaSchemas.ROLE_SCHEMA, OktaSchemas.ENTITLEMENT_SCHEMA);

    @Inject
    Catalog catalog;

    @Inject
    SchemaRegistry registry;

    @Inject
    CurrentRealm realm;

    @Inject
    @ConfigProperty(name = "roster.scim.max-results", defaultValue = "1000")
    int maxResults;

    @Inject
    @ConfigProperty(name = "roster.users.password-storage", defaultValue = "hash")
    String passwordStorage;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("ServiceProviderConfig")
    public JsonObject serviceProviderConfig() {
        return JsonP.createObjectBuilder()
                .add("schemas", JsonP.createArrayBuilder().add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"))
                .add("patch", supported(true))
                .add("bulk", JsonP.createObjectBuilder().add("supported", false).add("maxOperations", 0)
                        .add("maxPayloadSize", 0))
                .add("filter", JsonP.createObjectBuilder().add("supported", true).add("maxResults", maxResults))
                .add("changePassword", supported("hash".equalsIgnoreCase(passwordStorage.trim())))
                .add("sort", supported(true))
                .add("etag", supported(true))
                .add("authenticationSchemes", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
                        .add("type", "oauthbearertoken")
                        .add("name", "Bearer token")
                        .add("description", "A service account's token in 'Authorization: Bearer <token>' "
                                + "(or the token alone, Okta's HTTP Header mode)")
                        .add("primary", true))
                        .add(JsonP.createObjectBuilder()
                                .add("type", "httpbasic")
                                .add("name", "HTTP Basic")
                                .add("description", "The service account's name as user name and one of its "
                                        + "tokens as password (Okta's Basic Auth mode)")))
                .add("meta", JsonP.createObjectBuilder().add("resourceType", "ServiceProviderConfig")
                        .add("location", location("ServiceProviderConfig")))
                .build();
    }

    @GET
    @Path("ResourceTypes")
    public JsonObject resourceTypes(@QueryParam("filter") String filter) {
        refuseFilter(filter);
        JsonArrayBuilder resources = JsonP.createArrayBuilder();
        List<ResourceType> types = types();
        types.forEach(t -> resources.add(resourceType(t)));
        return ListResponse.of(types.size(), 1, resources.build());
    }

    @GET
    @Path("ResourceTypes/{name}")
    public JsonObject resourceType(@PathParam("name") String name) {
        List<ResourceType> types = types();
        return types.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
                .map(this::resourceType)
                .orElseThrow(() -> ScimException.notFound("No resource type '" + name + "'; the types are "
                        + types.stream().map(ResourceType::name).toList()));
    }

    @GET
    @Path("Schemas")
    public JsonObject schemas(@QueryParam("filter") String filter) {
        refuseFilter(filter);
        JsonArrayBuilder resources = JsonP.createArrayBuilder();
        List<Schema> schemas = schemas();
        schemas.forEach(s -> resources.add(schema(s)));
        return ListResponse.of(schemas.size(), 1, resources.build());
    }

    @GET
    @Path("Schemas/{urn}")
    public JsonObject schema(@PathParam("urn") String urn) {
        return schemas().stream().filter(s -> s.id().equalsIgnoreCase(urn)).findFirst()
                .map(this::schema)
                .orElseThrow(() -> ScimException.notFound("No schema '" + urn + "'"));
    }

    /** The built-in schemas and the realm's own extensions. */
    private List<Schema> schemas() {
        List<Schema> schemas = new ArrayList<>(SCHEMAS);
        registry.custom(realm.name()).forEach(custom -> schemas.add(custom.schema()));
        return schemas;
    }

    /**
     * User and Group (with the realm's extensions), Role, and one type per entitlement type of the realm's catalog
     * (Okta Identity Governance).
     */
    private List<ResourceType> types() {
        List<ResourceType> types = new ArrayList<>(List.of(registry.user(realm.name()), registry.group(realm.name()),
                OktaSchemas.ROLE_TYPE));
        catalog.entitlementTypes(realm.name()).forEach(type -> types.add(OktaSchemas.entitlementType(type)));
        return types;
    }

    private JsonObject resourceType(ResourceType type) {
        return SchemaRepresentation.of(type, location("ResourceTypes/" + type.name()));
    }

    private JsonObject schema(Schema schema) {
        return SchemaRepresentation.of(schema, location("Schemas/" + schema.id()));
    }

    private static void refuseFilter(String filter) {
        if (filter != null && !filter.isBlank()) {
            throw new ScimException(403, null, "Discovery endpoints cannot be filtered (RFC 7644 §4)");
        }
    }

    private static JsonObject supported(boolean supported) {
        return JsonP.createObjectBuilder().add("supported", supported).build();
    }

    private String location(String path) {
        return uriInfo.getBaseUriBuilder().path(path).build().toString();
    }
}
