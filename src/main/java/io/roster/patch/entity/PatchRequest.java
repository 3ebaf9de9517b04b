package io.roster.patch.entity;

import io.roster.protocol.entity.ScimException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** A PatchOp request body (RFC 7644 §3.5.2). */
public record PatchRequest(List<PatchOperation> operations) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public static PatchRequest fromJson(JsonObject body) {
        checkSchemas(body);
        JsonValue operations = body.get(key(body, "Operations"));
        if (operations == null || operations.getValueType() != JsonValue.ValueType.ARRAY
                || operations.asJsonArray().isEmpty()) {
            throw ScimException.invalidSyntax("A PatchOp request needs a non-empty \"Operations\" array");
        }
        List<PatchOperation> result = new ArrayList<>();
        JsonArray array = operations.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw ScimException.invalidSyntax("Operations[" + i + "] must be an object");
            }
            result.add(operation(array.getJsonObject(i), i));
        }
        return new PatchRequest(List.copyOf(result));
    }

    private static PatchOperation operation(JsonObject json, int index) {
        PatchOp op = PatchOp.of(text(json, "op", index), index);
        String path = text(json, "path", index);
        JsonValue value = json.get(key(json, "value"));
        if (value != null && value.getValueType() == JsonValue.ValueType.NULL && op != PatchOp.REMOVE) {
            value = null;
        }
        return PatchOperation.of(op, path, value, index);
    }

    private static String text(JsonObject json, String name, int index) {
        JsonValue value = json.get(key(json, name));
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw ScimException.invalidSyntax("Operations[" + index + "]." + name + " must be a string");
    }

    private static void checkSchemas(JsonObject body) {
        JsonValue schemas = body.get(key(body, "schemas"));
        if (schemas instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString urn && urn.getString().equalsIgnoreCase(SCHEMA)) {
                    return;
                }
            }
        }
        throw ScimException.invalidSyntax("A PATCH body must list \"" + SCHEMA + "\" in \"schemas\"");
    }

    private static String key(JsonObject object, String name) {
        for (String key : object.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return name;
    }
}
