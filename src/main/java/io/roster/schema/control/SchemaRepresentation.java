package io.roster.schema.control;

import io.roster.protocol.control.JsonP;

import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.AttributeType;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
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
        JsonArrayBuilder attributes = JsonP.createArrayBuilder();
        schema.attributes().forEach(a -> attributes.add(attribute(a)));
        return JsonP.createObjectBuilder()
                .add("schemas", JsonP.createArrayBuilder().add(SCHEMA_SCHEMA))
                .add("id", schema.id())
                .add("name", schema.name())
                .add("description", schema.description())
                .add("attributes", attributes)
                .add("meta", JsonP.createObjectBuilder().add("resourceType", "Schema").add("location", location))
                .build();
    }

    public static JsonObject of(ResourceType type, String location) {
        JsonArrayBuilder extensions = JsonP.createArrayBuilder();
        // an extension is required when it has a required attribute: no resource of the type is valid without it
        type.extensions().forEach(e -> extensions.add(JsonP.createObjectBuilder()
                .add("schema", e.id()).add("required", e.attributes().stream().anyMatch(Attribute::required))));
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("schemas", JsonP.createArrayBuilder().add(RESOURCE_TYPE_SCHEMA))
                .add("id", type.name())
                .add("name", type.name())
                .add("endpoint", type.endpoint())
                .add("description", type.description())
                .add("schema", type.schema().id());
        if (!type.extensions().isEmpty()) {
            json.add("schemaExtensions", extensions);
        }
        return json.add("meta", JsonP.createObjectBuilder().add("resourceType", "ResourceType")
                .add("location", location)).build();
    }

    static JsonObject attribute(Attribute attribute) {
        JsonObjectBuilder json = JsonP.createObjectBuilder()
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
            json.add("canonicalValues", JsonP.createArrayBuilder(attribute.canonicalValues()));
        }
        if (attribute.type() == AttributeType.REFERENCE) {
            json.add("referenceTypes", JsonP.createArrayBuilder(attribute.referenceTypes()));
        }
        if (attribute.isComplex()) {
            JsonArrayBuilder subs = JsonP.createArrayBuilder();
            attribute.subAttributes().forEach(s -> subs.add(attribute(s)));
            json.add("subAttributes", subs);
        }
        return json.add("mutability", attribute.mutability().scimName())
                .add("returned", attribute.returned().scimName())
                .add("uniqueness", attribute.uniqueness().scimName())
                .build();
    }
}
