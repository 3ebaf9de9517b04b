package io.roster.patch.control;

import static io.roster.schema.control.ResourceValidator.findKey;

import io.roster.protocol.entity.ScimException;
import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * No operation may take the value of a required attribute (RFC 7643 §2.2), by {@code remove}, by replacing it with
 * {@code null} or {@code ""}, or otherwise. RFC 7644 names no scimType for this; Roster answers 400
 * {@code invalidValue}, whose Table 9 definition starts "A required value was missing", and which is what
 * POST and PUT answer for the same missing value.
 */
final class RequiredAttributes {

    private RequiredAttributes() {
    }

    static void check(ResourceType type, JsonObject before, JsonObject after) {
        check(type.schema(), before, after, "");
        for (Schema extension : type.extensions()) {
            check(extension, object(before, extension.id()), object(after, extension.id()), extension.id() + ":");
        }
    }

    private static void check(Schema schema, JsonObject before, JsonObject after, String prefix) {
        for (Attribute attribute : schema.attributes()) {
            if (attribute.required() && present(before, attribute.name()) && !present(after, attribute.name())) {
                throw ScimException.invalidValue("'" + prefix + attribute.name() + "' is required: it cannot be "
                        + "removed or emptied (RFC 7643 §2.2)");
            }
        }
    }

    private static boolean present(JsonObject object, String name) {
        JsonValue value = findKey(object, name).map(object::get).orElse(null);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (value instanceof JsonString text) {
            return !text.getString().isBlank();
        }
        if (value instanceof JsonArray array) {
            return !array.isEmpty();
        }
        return !(value instanceof JsonObject members) || !members.isEmpty();
    }

    private static JsonObject object(JsonObject document, String key) {
        return findKey(document, key).map(document::get).filter(JsonObject.class::isInstance)
                .map(JsonValue::asJsonObject).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }
}
