package io.roster.admin.boundary;

import io.roster.admin.control.AdminJson;
import io.roster.admin.control.RealmDirectory;
import io.roster.admin.entity.AdminException;
import io.roster.protocol.control.JsonP;
import io.roster.schema.control.CustomSchemaStore;
import io.roster.schema.control.SchemaDefinitions;
import io.roster.schema.control.SchemaRegistry;
import io.roster.schema.control.StoredSchema;
import io.roster.schema.entity.CustomSchema;
import io.roster.schema.entity.InvalidSchemaDefinition;
import io.roster.schema.entity.Schema;
import io.roster.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;

/**
 * A realm's custom extension schemas, {@code /api/admin/realms/{realm}/schemas/{urn}}: PUT
 * {@code {"resourceType": "User"|"Group", "schema": <RFC 7643 §7 Schema resource>}} defines or replaces one, and
 * from then on the realm's SCIM API validates, stores, returns, filters, sorts and patches its attributes and
 * lists it in discovery. Replacing a schema may add attributes and change their characteristics, but not the type
 * or multiplicity of an attribute that values were already written for, nor the resource type it extends.
 */
@Path("realms/{realm}/schemas")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SchemasAdminResource {

    @Inject
    CustomSchemaStore store;

    @Inject
    SchemaRegistry registry;

    @Inject
    RealmDirectory realms;

    @PathParam("realm")
    String realm;

    @GET
    public JsonObject schemas() {
        JsonArrayBuilder schemas = JsonP.createArrayBuilder();
        store.all(realms.existing(realm)).forEach(schema -> schemas.add(entry(schema)));
        return JsonP.createObjectBuilder().add("schemas", schemas).build();
    }

    @GET
    @Path("{urn}")
    public JsonObject schema(@PathParam("urn") String urn) {
        return entry(find(realms.existing(realm), urn)
                .orElseThrow(() -> AdminException.notFound("No schema " + urn + " in the realm \"" + realm + "\"")));
    }

    @PUT
    @Path("{urn}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@PathParam("urn") String urn, String body) {
        String name = realms.existing(realm);
        JsonObject input = AdminJson.object(body, true);
        String resourceType = resourceType(input);
        if (!(input.get("schema") instanceof JsonObject definition)) {
            throw AdminException.badRequest("The body needs \"schema\": the RFC 7643 §7 Schema resource, with "
                    + "\"attributes\"");
        }
        Schema schema;
        try {
            schema = SchemaDefinitions.parse(urn, definition);
        } catch (InvalidSchemaDefinition e) {
            throw AdminException.badRequest(e.getMessage());
        }
        // a stored version Roster cannot use any more is replaced without comparing
        Optional<CustomSchema> previous = find(name, urn).map(StoredSchema::usable);
        previous.flatMap(p -> SchemaDefinitions.incompatibility(p, resourceType, schema)).ifPresent(problem -> {
            throw AdminException.conflict(problem);
        });
        CustomSchema stored = new CustomSchema(resourceType, schema, SchemaDefinitions.canonical(schema),
                Instant.now());
        boolean created = store.put(name, stored);
        registry.forget(name);
        JsonObject saved = find(name, urn).map(SchemasAdminResource::entry).orElse(entry(stored));
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(saved).build();
    }

    @DELETE
    @Path("{urn}")
    public Response delete(@PathParam("urn") String urn) {
        String name = realms.existing(realm);
        if (!store.delete(name, urn)) {
            throw AdminException.notFound("No schema " + urn + " in the realm \"" + realm + "\"");
        }
        registry.forget(name);
        return Response.noContent().build();
    }

    private Optional<StoredSchema> find(String realmName, String urn) {
        return store.all(realmName).stream().filter(s -> s.urn().equalsIgnoreCase(urn)).findFirst();
    }

    private static String resourceType(JsonObject input) {
        try {
            return SchemaDefinitions.resourceType(input.get("resourceType"));
        } catch (InvalidSchemaDefinition e) {
            throw AdminException.badRequest(e.getMessage());
        }
    }

    private static JsonObject entry(CustomSchema schema) {
        return JsonP.createObjectBuilder()
                .add("urn", schema.urn())
                .add("resourceType", schema.resourceType())
                .add("schema", schema.definition())
                .add("updatedAt", schema.updatedAt().toString())
                .build();
    }

    /**
     * A stored schema; one Roster cannot use has {@code problem} (why) and, when the stored text is not even a
     * JSON object, {@code storedText} instead of {@code schema}, so that an administrator can see and repair it.
     */
    private static JsonObject entry(StoredSchema stored) {
        if (stored.isUsable()) {
            return entry(stored.usable());
        }
        JsonObjectBuilder entry = JsonP.createObjectBuilder()
                .add("urn", stored.urn())
                .add("resourceType", String.valueOf(stored.resourceType()));
        if (stored.definition() != null) {
            entry.add("schema", stored.definition());
        } else {
            entry.add("storedText", stored.text());
        }
        return entry.add("updatedAt", stored.updatedAt().toString()).add("problem", stored.problem()).build();
    }
}
