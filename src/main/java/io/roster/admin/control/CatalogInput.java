package io.roster.admin.control;

import io.roster.admin.entity.AdminException;
import io.roster.entitlements.entity.CatalogEntry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A role ({@code {"displayName": "Administrator", "description": "…", "default": false}}) or an entitlement
 * ({@code {"displayName": "Pro licence", "description": "…"}}) as an administrator puts it; the id and the type
 * come from the URL.
 */
public final class CatalogInput {

    private CatalogInput() {
    }

    public static CatalogEntry role(String id, JsonObject body) {
        return new CatalogEntry(null, id(id), displayName(body), description(body), flag(body, "default"));
    }

    public static CatalogEntry entitlement(String type, String id, JsonObject body) {
        if (!CatalogEntry.TYPE.matcher(type).matches()) {
            throw AdminException.badRequest("An entitlement type is a letter followed by up to 63 letters and digits "
                    + "(it becomes a resource type name, e.g. \"License\")");
        }
        return new CatalogEntry(type, id(id), displayName(body), description(body), false);
    }

    private static String id(String id) {
        if (!CatalogEntry.ID.matcher(id).matches()) {
            throw AdminException.badRequest("An id is 1 to 200 letters, digits, '.', '_', ':', '@' or '-'");
        }
        return id;
    }

    private static String displayName(JsonObject body) {
        String name = Inputs.string(body, "displayName");
        if (name == null || name.isBlank() || name.length() > 1024) {
            throw AdminException.badRequest("'displayName' is required (1 to 1024 characters), e.g. "
                    + "{\"displayName\": \"Administrator\"}");
        }
        return name;
    }

    private static String description(JsonObject body) {
        String description = Inputs.string(body, "description");
        if (description != null && description.length() > CatalogEntry.MAX_DESCRIPTION) {
            throw AdminException.badRequest("'description' is at most " + CatalogEntry.MAX_DESCRIPTION
                    + " characters");
        }
        return description;
    }

    private static boolean flag(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw AdminException.badRequest("'" + name + "' must be true or false");
    }
}
