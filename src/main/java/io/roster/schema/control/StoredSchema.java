package io.roster.schema.control;

import io.roster.protocol.control.JsonP;
import io.roster.schema.entity.CustomSchema;
import io.roster.schema.entity.InvalidSchemaDefinition;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/**
 * A row of {@code realm_schema} as read: the schema if Roster can use it, otherwise why not. A definition was valid
 * when it was stored, but a later version of Roster may check more, and the row may have been edited in the
 * database; such a schema must not take the realm's SCIM API or the admin API that repairs it down with it.
 *
 * @param definition the stored definition as JSON, or null when the stored text is not a JSON object
 * @param usable the schema, or null when it cannot be used
 * @param problem why it cannot be used, or null
 */
public record StoredSchema(String urn, String resourceType, String text, Instant updatedAt, JsonObject definition,
        CustomSchema usable, String problem) {

    public static StoredSchema of(String urn, String resourceType, String text, Instant updatedAt) {
        JsonObject definition;
        try (JsonReader reader = JsonP.createReader(new StringReader(text))) {
            definition = reader.readObject();
        } catch (JsonException notAnObject) {
            return new StoredSchema(urn, resourceType, text, updatedAt, null, null,
                    "the stored definition is not a JSON object (" + notAnObject.getMessage() + ")");
        }
        try {
            String type = SchemaDefinitions.resourceType(resourceType == null ? JsonValue.NULL
                    : JsonP.createValue(resourceType));
            CustomSchema schema = new CustomSchema(type, SchemaDefinitions.parse(urn, definition), definition,
                    updatedAt);
            return new StoredSchema(urn, type, text, updatedAt, definition, schema, null);
        } catch (InvalidSchemaDefinition invalid) {
            return new StoredSchema(urn, resourceType, text, updatedAt, definition, null, invalid.getMessage());
        }
    }

    public boolean isUsable() {
        return usable != null;
    }
}
