package io.roster.schema.control;

import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.AttributeType;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Schemas and resource types as RFC 7643 §6–§7 discovery resources. */
public final class SchemaRepresentation {

    public static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    private SchemaRepresentation() {
    }

    public static JsonObject of(Schema schema, String location) {
        JsonArrayBuilder attributes = Json.createArrayBuilder();
        schema.attributes().forEach(a -> attributes.add(attribute(a)));
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(SCHEMA_SCHEMA))
                .add("id", schema.id())
                .add("name", schema.name())
                .add("description", schema.description())
                .add("attributes", attributes)
                .add("meta", Json.createObjectBuilder().add("resourceType", "Schema").add("location", location))
                .build();
    }

    public static JsonObject of(ResourceType type, String location) {
        JsonArrayBuilder extensions = Json.createArrayBuilder();
        type.extensions().forEach(e -> extensions.add(Json.createObjectBuilder()
                .add("schema", e.id()).add("required", false)));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(RESOURCE_TYPE_SCHEMA))
                .add("id", type.name())
                .add("name", type.name())
                .add("endpoint", type.endpoint())
                .add("description", type.description())
                .add("schema", type.schema().id());
        if (!type.extensions().isEmpty()) {
            json.add("schemaExtensions", extensions);
        }
        return json.add("meta", Json.createObjectBuilder().add("resourceType", "ResourceType")
                .add("location", location)).build();
    }

    static JsonObject attribute(Attribute attribute) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", attribute.name())
                .add("type", attribute.type().scimName())
                .add("multiValued", attribute.multiValued())
                .add("description", attribute.description())
                .add("required", attribute.required());
        if (attribute.type() == AttributeType.STRING || attribute.type() == AttributeType.REFERENCE
                || attribute.type() == AttributeType.BINARY) {
            json.add("caseExact", attribute.caseExact());
        }
        if (!attribute.canonicalValues().isEmpty()) {
            json.add("canonicalValues", Json.createArrayBuilder(attribute.canonicalValues()));
        }
        if (attribute.type() == AttributeType.REFERENCE) {
            json.add("referenceTypes", Json.createArrayBuilder(attribute.referenceTypes()));
        }
        if (attribute.isComplex()) {
            JsonArrayBuilder subs = Json.createArrayBuilder();
            attribute.subAttributes().forEach(s -> subs.add(attribute(s)));
            json.add("subAttributes", subs);
        }
        return json.add("mutability", attribute.mutability().scimName())
                .add("returned", attribute.returned().scimName())
                .add("uniqueness", attribute.uniqueness().scimName())
                .build();
    }
}
